# Shared by bench/stream-vs-nginx.sh and bench/stream-upload-rss.sh (sourced, not run):
# tool checks, a fresh database on the local MySQL/MariaDB server, and starting the
# stream-service jar with its production defaults plus the overrides a benchmark needs.

DB_HOST=${DB_HOST:-127.0.0.1}
DB_PORT=${DB_PORT:-3306}
DB_USER=${DB_USER:-root}
DB_PASSWORD=${DB_PASSWORD:-}
STREAM_PORT=${STREAM_PORT:-19000}
JAVA_BIN=${JAVA_BIN:-java}

cd "$(dirname "${BASH_SOURCE[0]}")/.."

require() {
	local missing=()
	for tool in "$@"; do
		command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
	done
	if ((${#missing[@]} > 0)); then
		echo "Missing: ${missing[*]}. On Debian: apt-get install -y nginx-light wrk curl mariadb-client" >&2
		echo "(java 17+ and a MySQL/MariaDB server on $DB_HOST:$DB_PORT are needed too)" >&2
		exit 1
	fi
}

stream_jar() {
	local jar
	if [[ -n "${STREAM_JAR:-}" ]]; then # a copy, safe from rebuilds during the run
		echo "$STREAM_JAR"
		return
	fi
	jar=$(ls stream-service/target/stream-service-*.jar 2>/dev/null | grep -v original | head -1 || true)
	if [[ -z "$jar" ]]; then
		./mvnw -B -q -pl stream-service -am package -DskipTests >&2
		jar=$(ls stream-service/target/stream-service-*.jar | grep -v original | head -1)
	fi
	echo "$jar"
}

sql() {
	MYSQL_PWD="$DB_PASSWORD" mysql -h"$DB_HOST" -P"$DB_PORT" -u"$DB_USER" -N -B "$@"
}

BENCH_DB="video_bench_stream_$(date +%s)_$$"
WORK=$(mktemp -d)
chmod 755 "$WORK"
VIDEOS="$WORK/videos"
mkdir -p "$VIDEOS"
PIDS=()

cleanup() {
	for pid in "${PIDS[@]}"; do
		kill "$pid" 2>/dev/null || true
	done
	for pid in "${PIDS[@]}"; do
		wait "$pid" 2>/dev/null || true
	done
	sql -e "DROP DATABASE IF EXISTS $BENCH_DB" 2>/dev/null || true
	rm -rf "$WORK"
}
trap cleanup EXIT

# Starts the stream-service on $STREAM_PORT (call it again with another STREAM_PORT for a
# second instance on the same database); extra environment assignments may be passed.
# The benchmark overrides only what would make it measure something else than serving
# bytes: the per-client rate limit (wrk is one client on 127.0.0.1 making thousands of
# requests a second, which the limiter rightly refuses) and the per-request access log
# (nginx runs with access_log off too). Everything else is the production default.
start_stream() {
	sql -e "CREATE DATABASE IF NOT EXISTS $BENCH_DB CHARACTER SET utf8mb4"
	env SERVER_PORT="$STREAM_PORT" VIDEO_DIR="$VIDEOS" VIDEO_RATE_LIMIT=0 \
		LOGGING_LEVEL_IO_VIDEOSERVER_ACCESS=warn \
		SPRING_DATASOURCE_URL="jdbc:mysql://$DB_HOST:$DB_PORT/$BENCH_DB" \
		SPRING_DATASOURCE_USERNAME="$DB_USER" SPRING_DATASOURCE_PASSWORD="$DB_PASSWORD" "$@" \
		"$JAVA_BIN" ${JAVA_OPTS:-} -jar "$(stream_jar)" >"$WORK/stream-$STREAM_PORT.log" 2>&1 &
	STREAM_PID=$!
	PIDS+=("$STREAM_PID")
	for _ in $(seq 1 120); do
		if curl -fs "http://127.0.0.1:$STREAM_PORT/actuator/health/readiness" >/dev/null; then
			return 0
		fi
		sleep 1
	done
	echo "stream-service did not become ready; its log:" >&2
	tail -50 "$WORK/stream-$STREAM_PORT.log" >&2
	exit 1
}

peak_rss_kib() {
	awk '/VmHWM/ { print $2 }' "/proc/$1/status"
}
