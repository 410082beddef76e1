# Shared by the api-service benchmarks (sourced, not run): a throw-away database on the
# local MySQL/MariaDB server, the api-service jar started on it with its production
# settings plus a benchmark's overrides, the user, videos and comments they measure,
# wrk's rate and percentiles, and the clean-up of all of it on exit.

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

# field NAME: the value of a JSON answer's field, quoted or not (the last one of that name)
field() { sed -n "s/.*\"$1\":\"\{0,1\}\([^\",}]*\).*/\1/p"; }

# seed_api BASE VIDEOS COMMENTS: user bench (password bench-password) with VIDEOS videos
# and COMMENTS comments on the last one; sets API_SID (bench's session) and API_VID (the
# last video).
seed_api() {
	local base=$1 videos=$2 comments=$3 json='Content-Type: application/json' i
	curl -sf -X POST "$base/user" -H "$json" -d '{"user_name":"bench","pwd":"bench-password"}' >/dev/null
	API_SID=$(curl -sf -X POST "$base/user/bench" -H "$json" -d '{"user_name":"bench","pwd":"bench-password"}' |
		field session_id)
	local auth=(-H "X-Session-Id: $API_SID" -H "X-User-Name: bench")
	for i in $(seq 1 "$videos"); do
		API_VID=$(curl -sf -X POST "$base/user/bench/videos" "${auth[@]}" -H "$json" -d "{\"name\":\"video $i\"}" |
			field id)
	done
	for i in $(seq 1 "$comments"); do
		curl -sf -X POST "$base/videos/$API_VID/comments" "${auth[@]}" -H "$json" \
			-d "{\"content\":\"comment $i\"}" >/dev/null
	done
}

# wrk_rps: the requests per second of wrk's output, rounded
wrk_rps() { awk '/^Requests\/sec/ {printf "%.0f", $2}'; }

# wrk_check NAME OUTPUT: says on stderr, with the output, when not all answers were 2xx
wrk_check() {
	! grep -qE 'Non-2xx|Socket errors' <<<"$2" || { echo "$1: not all answers were 2xx:" >&2; echo "$2" >&2; }
}

# one percentile of wrk's --latency table, in milliseconds (wrk prints us, ms or s)
percentile_ms() {
	awk -v p="$1" '$1 == p { v = $2; if (v ~ /us$/) v /= 1000; else if (v ~ /ms$/) v += 0; else v *= 1000
		printf "%.2f", v }'
}
