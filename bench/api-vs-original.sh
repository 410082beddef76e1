#!/usr/bin/env bash
# The api-service against the original Go api server, in the same run on the same data:
# a user with 20 videos and a video with 50 comments, loaded into both. Rounds alternate
# which server goes first; each measurement is wrk flat out after a warm-up. Prints one
# line per round and server (req/s, p50, p99) and then, per endpoint, the api-service's
# median req/s over the original's and the two p99 medians.
#
#   bench/api-vs-original.sh
#   ROUNDS=3 SECONDS_EACH=15 WARMUP_SECONDS=5 CONNECTIONS=32 bench/api-vs-original.sh
#
# Before the first round each server answers every endpoint for JIT_SECONDS (default 20):
# the JVM compiles its hot paths in the first tens of seconds, and a service that has been
# up for a while is what is compared (the original gets the same warm-up; it needs none).
#
# The original has no GET /videos (it lists only per user): that endpoint is measured
# against the original's GET /user/{name}/videos, the nearest listing it has. The
# api-service is asked for limit=50 so that both answer the same items. The api-service
# runs with its production settings (access log, every filter) except the per-client rate
# limit, which would answer 429 to a load generator on one address.
#
# PROFILE=1 records the api-service with JFR from the JIT warm-up to the last round and
# prints where its request threads spent their CPU (bench/jfr-buckets.py).
#
# Needs java 17+, curl, mysql (client), wrk and the original's toolchain: Debian's
# wrk mariadb-client golang-go golang-github-julienschmidt-httprouter-dev
# golang-github-go-sql-driver-mysql-dev. A MySQL/MariaDB server on DB_HOST:DB_PORT
# (root, no password by default); throw-away databases are created and dropped.
set -euo pipefail

ROUNDS=${ROUNDS:-2}
JIT_SECONDS=${JIT_SECONDS:-20}
SECONDS_EACH=${SECONDS_EACH:-15}
WARMUP_SECONDS=${WARMUP_SECONDS:-5}
CONNECTIONS=${CONNECTIONS:-32}
API_PORT=${API_PORT:-18800}
ORIGINAL_PORT=${ORIGINAL_PORT:-18500}
API="http://127.0.0.1:$API_PORT"

# shellcheck source=bench/api-common.sh
source "$(dirname "$0")/api-common.sh"
require java curl mysql wrk
ORIGINAL_SCRIPT=${ORIGINAL_SCRIPT:-../shared/reference/original-api/seed-api.sh}
[[ -x "$ORIGINAL_SCRIPT" ]] || { echo "The original's start script is missing: $ORIGINAL_SCRIPT" >&2; exit 1; }
"$ORIGINAL_SCRIPT" check >/dev/null
EXTRA_CLEANUP+=('PORT=$ORIGINAL_PORT "$ORIGINAL_SCRIPT" down >/dev/null 2>&1')
start_api "$API_PORT"
eval "$(PORT=$ORIGINAL_PORT DB_HOST=$DB_HOST DB_PORT=$DB_PORT DB_USER=$DB_USER DB_PASS=$DB_PASSWORD "$ORIGINAL_SCRIPT" up)"

# The same data in both: user bench, 20 videos, 50 comments on the last one.
seed_original() {
	curl -sf -X POST "$SEED_API/user" -d '{"user_name":"bench","pwd":"bench-password"}' >/dev/null
	ORIGINAL_SID=$(curl -sf -X POST "$SEED_API/user/bench" -d '{"user_name":"bench","pwd":"bench-password"}' |
		field session_id)
	local id i
	id=$(curl -sf "$SEED_API/user/bench" -H "X-Session-Id: $ORIGINAL_SID" | field id)
	for i in $(seq 1 20); do
		ORIGINAL_VID=$(curl -sf -X POST "$SEED_API/user/bench/videos" -H "X-Session-Id: $ORIGINAL_SID" \
			-d "{\"author_id\":$id,\"name\":\"video $i\"}" | field id)
	done
	for i in $(seq 1 50); do
		curl -sf -X POST "$SEED_API/videos/$ORIGINAL_VID/comments" -H "X-Session-Id: $ORIGINAL_SID" \
			-d "{\"author_id\":$id,\"content\":\"comment $i\"}" >/dev/null
	done
}
seed_api "$API" 20 50
seed_original
count() { grep -o "\"$1\"" | wc -l; }
[[ $(curl -sf "$API/user/bench/videos?limit=50" -H "X-Session-Id: $API_SID" -H "X-User-Name: bench" | count id) -eq 20 ]] ||
	{ echo "the api-service does not list 20 videos" >&2; exit 1; }
[[ $(curl -sf "$SEED_API/user/bench/videos" -H "X-Session-Id: $ORIGINAL_SID" | count id) -eq 20 ]] ||
	{ echo "the original does not list 20 videos" >&2; exit 1; }
[[ $(curl -sf "$API/videos/$API_VID/comments?limit=50" | count content) -eq 50 ]] ||
	{ echo "the api-service does not list 50 comments" >&2; exit 1; }
[[ $(curl -sf "$SEED_API/videos/$ORIGINAL_VID/comments" -H "X-Session-Id: $ORIGINAL_SID" | count content) -eq 50 ]] ||
	{ echo "the original does not list 50 comments" >&2; exit 1; }

RESULTS=$(mktemp)
measure() {
	local endpoint=$1 server=$2 round=$3 url=$4 out rps
	shift 4
	wrk -t2 -c"$CONNECTIONS" -d"${WARMUP_SECONDS}s" "$@" "$url" >/dev/null
	out=$(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency "$@" "$url")
	wrk_check "$endpoint on $server" "$out"
	rps=$(wrk_rps <<<"$out")
	printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$endpoint" "$server" "$round" "$rps" \
		"$(percentile_ms 50% <<<"$out")" "$(percentile_ms 99% <<<"$out")" | tee -a "$RESULTS"
}
api() { measure "$1" api-service "$2" "$API$3" -H "X-Session-Id: $API_SID" -H "X-User-Name: bench"; }
original() { measure "$1" original "$2" "$SEED_API$3" -H "X-Session-Id: $ORIGINAL_SID"; }

echo "api-service vs original, $(nproc) cores, $(date -u +%Y-%m-%d), wrk -t2 -c$CONNECTIONS, ${JIT_SECONDS}s JIT warm-up per endpoint, then ${WARMUP_SECONDS}s warm-up + ${SECONDS_EACH}s, $ROUNDS rounds, $(java -version 2>&1 | head -1)"
# The recording starts before the JIT warm-up: starting one instruments the JDK's socket
# and file classes, which throws away the code compiled from them (measured: the first
# round after a late start ran at a fifth of the second's rate).
RECORDING="/tmp/api-vs-original-$$.jfr"
[[ ${PROFILE:-0} == 1 ]] && jcmd "$SERVICE_PID" JFR.start name=bench settings=profile >/dev/null
for path in "/user/bench/videos?limit=50" "/videos/$API_VID/comments?limit=50" "/videos?limit=50"; do
	wrk -t2 -c"$CONNECTIONS" -d"${JIT_SECONDS}s" -H "X-Session-Id: $API_SID" -H "X-User-Name: bench" "$API$path" >/dev/null
done
for path in /user/bench/videos "/videos/$ORIGINAL_VID/comments"; do
	wrk -t2 -c"$CONNECTIONS" -d"${JIT_SECONDS}s" -H "X-Session-Id: $ORIGINAL_SID" "$SEED_API$path" >/dev/null
done
printf 'endpoint\tserver\tround\treq/s\tp50_ms\tp99_ms\n'
for round in $(seq 1 "$ROUNDS"); do
	pair() {
		local name=$1 api_path=$2 original_path=$3
		if ((round % 2)); then
			original "$name" "$round" "$original_path"; api "$name" "$round" "$api_path"
		else
			api "$name" "$round" "$api_path"; original "$name" "$round" "$original_path"
		fi
	}
	pair "GET /user/{name}/videos" "/user/bench/videos?limit=50" "/user/bench/videos"
	pair "GET /videos/{vid}/comments" "/videos/$API_VID/comments?limit=50" "/videos/$ORIGINAL_VID/comments"
	pair "GET /videos (original: per user)" "/videos?limit=50" "/user/bench/videos"
done

echo
echo "median over rounds: api-service req/s / original req/s, and p99 (ms) of each"
awk -F'\t' '
	function median(list,   n, a, i, j, t) {
		n = split(list, a, " ")
		for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j-1] + 0 > a[j] + 0; j--) { t = a[j]; a[j] = a[j-1]; a[j-1] = t }
		return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
	}
	{ rps[$1 SUBSEP $2] = rps[$1 SUBSEP $2] " " $4; p99[$1 SUBSEP $2] = p99[$1 SUBSEP $2] " " $6; seen[$1] = 1 }
	END {
		for (e in seen) {
			a = median(rps[e SUBSEP "api-service"]); o = median(rps[e SUBSEP "original"])
			printf "%-36s ratio %.2fx  (%.0f vs %.0f req/s)  p99 %.1f vs %.1f ms\n", e, a / o, a, o,
				median(p99[e SUBSEP "api-service"]), median(p99[e SUBSEP "original"])
		}
	}' "$RESULTS"
rm -f "$RESULTS"
if [[ ${PROFILE:-0} == 1 ]]; then
	jcmd "$SERVICE_PID" JFR.stop name=bench filename="$RECORDING" >/dev/null
	echo
	echo "where the api-service's request threads spent their CPU, warm-up and rounds ($RECORDING):"
	bench/jfr-buckets.py "$RECORDING"
fi
