# Shared by the api-service benchmarks (sourced, not run): a throw-away database on the
# local MySQL/MariaDB server, the api-service jar started on it with its production
# settings plus a benchmark's overrides, wrk's percentiles in milliseconds, and the
# clean-up of all of it on exit.

DB_HOST=${DB_HOST:-127.0.0.1}
DB_PORT=${DB_PORT:-3306}
DB_USER=${DB_USER:-root}
DB_PASSWORD=${DB_PASSWORD:-${DB_PASS:-}}
API_OPTS=${API_OPTS:-}

cd "$(dirname "${BASH_SOURCE[0]}")/.."

# require TOOL...: stops with the Debian packages to install when a tool is missing
require() {
	for tool in "$@"; do
		command -v "$tool" >/dev/null || { echo "Missing $tool (Debian: apt-get install -y wrk mariadb-client unzip curl)" >&2; exit 1; }
	done
}

mysql_do() { mysql --host="$DB_HOST" --port="$DB_PORT" --user="$DB_USER" ${DB_PASSWORD:+--password="$DB_PASSWORD"} "$@"; }

API_JAR=api-service/target/api-service-1.0.0-SNAPSHOT.jar
API_DB="video_bench_api_$(date +%s)_$$"
API_LOG="/tmp/api-bench-$$.log"
SERVICE_PID=
EXTRA_CLEANUP=()

api_cleanup() {
	local step
	for step in "${EXTRA_CLEANUP[@]}"; do eval "$step" || true; done
	[[ -n "$SERVICE_PID" ]] && kill "$SERVICE_PID" 2>/dev/null && wait "$SERVICE_PID" 2>/dev/null || true
	mysql_do -e "DROP DATABASE IF EXISTS $API_DB" || true
}
trap api_cleanup EXIT

# start_api PORT [NAME=VALUE...]: a fresh database and the api-service on PORT (its
# Actuator on PORT + 81), with the per-client rate limit off (a load generator is one
# client) and the given extra environment; returns once it is ready.
start_api() {
	local port=$1
	shift
	[[ -f "$API_JAR" ]] || ./mvnw -B -q -pl api-service -am package -DskipTests
	mysql_do -e "CREATE DATABASE $API_DB"
	# shellcheck disable=SC2086 # API_OPTS is a list of JVM options
	env SERVER_PORT="$port" MANAGEMENT_SERVER_PORT=$((port + 81)) VIDEO_RATE_LIMIT=0 \
		SPRING_DATASOURCE_URL="jdbc:mysql://$DB_HOST:$DB_PORT/$API_DB" SPRING_DATASOURCE_USERNAME="$DB_USER" \
		SPRING_DATASOURCE_PASSWORD="$DB_PASSWORD" "$@" java $API_OPTS -jar "$API_JAR" >"$API_LOG" 2>&1 &
	SERVICE_PID=$!
	local ready="http://127.0.0.1:$((port + 81))/actuator/health/readiness"
	for _ in $(seq 1 120); do curl -sf "$ready" >/dev/null && break; sleep 1; done
	curl -sf "$ready" >/dev/null || { echo "api-service did not start; see $API_LOG" >&2; exit 1; }
}

# one percentile of wrk's --latency table, in milliseconds (wrk prints us, ms or s)
percentile_ms() {
	awk -v p="$1" '$1 == p { v = $2; if (v ~ /us$/) v /= 1000; else if (v ~ /ms$/) v += 0; else v *= 1000
		printf "%.2f", v }'
}
