#!/usr/bin/env bash
# Load figures of the api-service: GET /videos, GET /videos/{vid}/comments and the
# session-authenticated GET /user/{name}, each first at a fixed 500 req/s (hey: p50/p99
# there, the target being p99 < 10 ms) and then flat out (wrk: the most req/s).
#
#   bench/api-load.sh
#   RATE=1000 SECONDS_EACH=30 bench/api-load.sh
#
# Needs java 17+, curl, mysql (client), hey and wrk (Debian: apt-get install -y hey wrk
# mariadb-client) and a MySQL/MariaDB server (DB_HOST/DB_PORT/DB_USER/DB_PASSWORD,
# default root@127.0.0.1:3306; a throw-away database is created and dropped). The
# service runs with its production settings except the per-client rate limit, which
# would otherwise answer 429 to a load generator on one address. Installs nothing.
set -euo pipefail

RATE=${RATE:-500}
SECONDS_EACH=${SECONDS_EACH:-20}
WARMUP_SECONDS=${WARMUP_SECONDS:-10}
WORKERS=${WORKERS:-10}
DB_HOST=${DB_HOST:-127.0.0.1}
DB_PORT=${DB_PORT:-3306}
DB_USER=${DB_USER:-root}
DB_PASSWORD=${DB_PASSWORD:-}
PORT=${PORT:-18800}
BASE="http://127.0.0.1:$PORT"

cd "$(dirname "$0")/.."
for tool in java curl mysql hey wrk; do
	command -v "$tool" >/dev/null || { echo "Missing $tool (Debian: apt-get install -y hey wrk mariadb-client)" >&2; exit 1; }
done
JAR=api-service/target/api-service-1.0.0-SNAPSHOT.jar
[[ -f "$JAR" ]] || ./mvnw -B -q -pl api-service -am package -DskipTests

DB="video_bench_api_$(date +%s)_$$"
mysql_do() { mysql --host="$DB_HOST" --port="$DB_PORT" --user="$DB_USER" ${DB_PASSWORD:+--password="$DB_PASSWORD"} "$@"; }
mysql_do -e "CREATE DATABASE $DB"
SERVICE_PID=
cleanup() {
	[[ -n "$SERVICE_PID" ]] && kill "$SERVICE_PID" 2>/dev/null && wait "$SERVICE_PID" 2>/dev/null || true
	mysql_do -e "DROP DATABASE IF EXISTS $DB" || true
}
trap cleanup EXIT

SERVER_PORT=$PORT VIDEO_RATE_LIMIT=0 \
	SPRING_DATASOURCE_URL="jdbc:mysql://$DB_HOST:$DB_PORT/$DB" SPRING_DATASOURCE_USERNAME="$DB_USER" \
	SPRING_DATASOURCE_PASSWORD="$DB_PASSWORD" LOGGING_LEVEL_IO_VIDEOSERVER_ACCESS=WARN \
	java -jar "$JAR" >"/tmp/api-load-$$.log" 2>&1 &
SERVICE_PID=$!
for _ in $(seq 1 120); do curl -sf "$BASE/actuator/health/readiness" >/dev/null && break; sleep 1; done
curl -sf "$BASE/actuator/health/readiness" >/dev/null || { echo "api-service did not start; see /tmp/api-load-$$.log" >&2; exit 1; }

json='Content-Type: application/json'
curl -sf -X POST "$BASE/user" -H "$json" -d '{"user_name":"bench","pwd":"bench-password"}' >/dev/null
SID=$(curl -sf -X POST "$BASE/user/bench" -H "$json" -d '{"user_name":"bench","pwd":"bench-password"}' |
	sed 's/.*"session_id":"\([^"]*\)".*/\1/')
AUTH=(-H "X-Session-Id: $SID" -H "X-User-Name: bench")
for i in $(seq 1 50); do
	VID=$(curl -sf -X POST "$BASE/user/bench/videos" "${AUTH[@]}" -H "$json" -d "{\"name\":\"video $i\"}" |
		sed 's/.*"id":"\([^"]*\)".*/\1/')
done
for i in $(seq 1 50); do
	curl -sf -X POST "$BASE/videos/$VID/comments" "${AUTH[@]}" -H "$json" -d "{\"content\":\"comment $i\"}" >/dev/null
done

echo "api-service load, $(nproc) cores, $(date -u +%Y-%m-%d); $RATE req/s for ${SECONDS_EACH}s, then flat out"
printf '%-34s %10s %8s %8s %12s\n' endpoint "sent/s" p50_ms p99_ms max_req/s
run() {
	local name=$1 path=$2
	shift 2
	local perworker=$((RATE / WORKERS))
	local wrk_headers=() arg
	for arg in "$@"; do [[ "$arg" == -H ]] || wrk_headers+=(-H "$arg"); done
	# warm-up: let the JIT compile the path before anything is measured
	wrk -t2 -c8 -d"${WARMUP_SECONDS}s" "${wrk_headers[@]}" "$BASE$path" >/dev/null
	local out
	out=$(hey -z "${SECONDS_EACH}s" -c "$WORKERS" -q "$perworker" "$@" "$BASE$path")
	local rps p50 p99
	rps=$(awk '/Requests\/sec/ {printf "%.0f", $2}' <<<"$out")
	p50=$(awk '/ 50% in/ {printf "%.2f", $3 * 1000}' <<<"$out")
	p99=$(awk '/ 99% in/ {printf "%.2f", $3 * 1000}' <<<"$out")
	grep -q '\[200\]' <<<"$out" || { echo "$name: not all 200s:" >&2; echo "$out" >&2; }
	local max
	max=$(wrk -t2 -c16 -d"${SECONDS_EACH}s" "${wrk_headers[@]}" "$BASE$path" | awk '/Requests\/sec/ {printf "%.0f", $2}')
	printf '%-34s %10s %8s %8s %12s\n' "$name" "$rps" "$p50" "$p99" "$max"
}
run "GET /videos" "/videos"
run "GET /videos/{vid}/comments" "/videos/$VID/comments"
run "GET /user/{name} (session)" "/user/bench" -H "X-Session-Id: $SID" -H "X-User-Name: bench"
