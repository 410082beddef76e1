#!/usr/bin/env bash
# Load figures of the api-service: GET /videos, GET /videos/{vid}/comments and the
# session-authenticated GET /user/{name}, each flat out (the most req/s) and then at a fixed
# 500 req/s (p50/p99 there, the target being p99 < 10 ms). Both runs use wrk: the paced one
# through bench/wrk-paced.lua, which holds wrk to RATE requests per second. The first line
# measures the service port's liveness path (/api/v1/healthz) the same way: the floor of
# the generator and the HTTP stack, beneath which no endpoint can go.
#
#   bench/api-load.sh
#   RATE=1000 SECONDS_EACH=30 bench/api-load.sh
#
# Needs java 17+, curl, mysql (client) and wrk (Debian: apt-get install -y wrk
# mariadb-client) and a MySQL/MariaDB server (DB_HOST/DB_PORT/DB_USER/DB_PASSWORD,
# default root@127.0.0.1:3306; a throw-away database is created and dropped). The
# service runs with its production settings except the per-client rate limit, which
# would otherwise answer 429 to a load generator on one address. Installs nothing.
set -euo pipefail

RATE=${RATE:-500}
SECONDS_EACH=${SECONDS_EACH:-20}
WARMUP_SECONDS=${WARMUP_SECONDS:-20}
CONNECTIONS=${CONNECTIONS:-10}
PORT=${PORT:-18800}
BASE="http://127.0.0.1:$PORT"

# shellcheck source=bench/api-common.sh
source "$(dirname "$0")/api-common.sh"
require java curl mysql wrk
start_api "$PORT"

seed_api "$BASE" 50 50

echo "api-service load, $(nproc) cores, $(date -u +%Y-%m-%d); flat out, then $RATE req/s, ${SECONDS_EACH}s each"
printf '%-34s %10s %8s %8s %12s\n' endpoint "sent/s" p50_ms p99_ms max_req/s
run() {
	local name=$1 path=$2
	shift 2
	# warm-up, then flat out: the JIT has compiled the path before the paced run measures
	# its latency, as in a service that has been up for a while
	wrk -t2 -c8 -d"${WARMUP_SECONDS}s" "$@" "$BASE$path" >/dev/null
	local max
	max=$(wrk -t2 -c16 -d"${SECONDS_EACH}s" "$@" "$BASE$path" | wrk_rps)
	local out
	out=$(RATE=$RATE WRK_THREADS=2 wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency \
		-s bench/wrk-paced.lua "$@" "$BASE$path")
	local rps p50 p99
	rps=$(wrk_rps <<<"$out")
	p50=$(percentile_ms 50% <<<"$out")
	p99=$(percentile_ms 99% <<<"$out")
	# a server slower than the schedule shows up as a rate below the one asked for
	((rps * 100 >= RATE * 98)) || echo "$name: only $rps of $RATE req/s were sent" >&2
	wrk_check "$name" "$out"
	printf '%-34s %10s %8s %8s %12s\n' "$name" "$rps" "$p50" "$p99" "$max"
}
run "liveness probe (floor)" "/api/v1/healthz"
run "GET /videos" "/videos"
run "GET /videos/{vid}/comments" "/videos/$API_VID/comments"
run "GET /user/{name} (session)" "/user/bench" -H "X-Session-Id: $API_SID" -H "X-User-Name: bench"
