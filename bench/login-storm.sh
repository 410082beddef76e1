#!/usr/bin/env bash
# GET /videos during a storm of sign-ups and logins: the api-service hashes passwords on a
# pool of its own (VIDEO_HASH_THREADS, VIDEO_HASH_QUEUE), so a storm should cost lists
# little; the target is GET /videos p99 < 100 ms. Prints GET /videos p50/p99 on a quiet
# service and during the storm (wrk held to RATE req/s by bench/wrk-paced.lua), the
# storm's answers by status, and one BCrypt hash's cost in ms: CPU and wall time in a
# JVM of its own (bench/HashCost.java), and the service's video_hash timer (wall time on
# its hashing thread, for sign-ups one after the other and during the storm).
#
#   bench/login-storm.sh
#   STORM=200 SECONDS_EACH=20 RETRY_AFTER=ignore bench/login-storm.sh
#   VIDEO_HASH_THREADS=2 VIDEO_HASH_QUEUE=64 bench/login-storm.sh   # other pool settings
#
# The storm is wrk with bench/login-storm.lua: STORM connections (200), each sending
# sign-ups of fresh users and their logins one after the other for the whole run; a
# refused one waits the second Retry-After asks for, unless RETRY_AFTER=ignore (then the
# storm is also a flood of requests, which the per-client rate limit, off here, would
# stop in production).
# Needs java 17+, curl, mysql (client), unzip and wrk (Debian: apt-get install -y wrk
# mariadb-client unzip) and a MySQL/MariaDB server (DB_HOST/DB_PORT/DB_USER/DB_PASSWORD,
# default root@127.0.0.1:3306; a throw-away database is created and dropped). The
# service runs with its production settings except the per-client rate limit and the
# failed-login allowances, which would otherwise stop a storm from one address before it
# reaches the hashing. Installs nothing.
set -euo pipefail

STORM=${STORM:-200}
RATE=${RATE:-200}
SECONDS_EACH=${SECONDS_EACH:-20}
WARMUP_SECONDS=${WARMUP_SECONDS:-10}
CONNECTIONS=${CONNECTIONS:-10}
RETRY_AFTER=${RETRY_AFTER:-honour}
PORT=${PORT:-18850}
BASE="http://127.0.0.1:$PORT"
METRICS="http://127.0.0.1:$((PORT + 81))/actuator/prometheus"

# shellcheck source=bench/api-common.sh
source "$(dirname "$0")/api-common.sh"
require java curl mysql wrk unzip
JAR=$API_JAR
[[ -f "$JAR" ]] || ./mvnw -B -q -pl api-service -am package -DskipTests

# one hash alone, before the service starts: CPU time shows the cost on a busy machine too
CRYPTO=$(mktemp -d)
unzip -q -j -d "$CRYPTO" "$JAR" 'BOOT-INF/lib/spring-security-crypto-*.jar' 'BOOT-INF/lib/commons-logging-*.jar'
HASH_COST=$(java -cp "$CRYPTO/*" bench/HashCost.java 20)
rm -rf "$CRYPTO"

STORM_PID=
EXTRA_CLEANUP+=('[[ -n "$STORM_PID" ]] && kill "$STORM_PID" 2>/dev/null')
start_api "$PORT" VIDEO_LOGIN_MAX_FAILURES_PER_CLIENT=100000000 \
	VIDEO_LOGIN_MAX_FAILURES_PER_ACCOUNT_AND_CLIENT=100000000

json='Content-Type: application/json'
sign_up() { curl -sf -o /dev/null -X POST "$BASE/user" -H "$json" -d "{\"user_name\":\"$1\",\"pwd\":\"bench-password\"}"; }
sign_up bench
SID=$(curl -sf -X POST "$BASE/user/bench" -H "$json" -d '{"user_name":"bench","pwd":"bench-password"}' |
	sed 's/.*"session_id":"\([^"]*\)".*/\1/')
for i in $(seq 1 20); do
	curl -sf -o /dev/null -X POST "$BASE/user/bench/videos" -H "X-Session-Id: $SID" -H "X-User-Name: bench" \
		-H "$json" -d "{\"name\":\"video $i\"}"
done

# the service's video_hash timer: "count sum" of the hashes computed so far
hash_totals() {
	curl -sf "$METRICS" | awk '/^video_hash_seconds_count/ { c = $2 } /^video_hash_seconds_sum/ { s = $2 }
		END { print c, s }'
}
# mean milliseconds per hash between two hash_totals readings
hash_ms() {
	awk -v a="$1" -v b="$2" 'BEGIN { split(a, x, " "); split(b, y, " "); n = y[1] - x[1]
		if (n > 0) printf "%.1f ms (%d hashes)", 1000 * (y[2] - x[2]) / n, n; else print "no hashes" }'
}
videos() {
	local out rps
	out=$(RATE=$RATE WRK_THREADS=1 wrk -t1 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency \
		-s bench/wrk-paced.lua "$BASE/videos")
	rps=$(awk '/^Requests\/sec/ {printf "%.0f", $2}' <<<"$out")
	((rps * 100 >= RATE * 98)) || echo "$1: only $rps of $RATE req/s were sent" >&2
	! grep -qE 'Non-2xx|Socket errors' <<<"$out" || { echo "$1: not all answers were 2xx:" >&2; echo "$out" >&2; }
	printf '%-28s %8s %8s %8s\n' "$1" "$rps" "$(percentile_ms 50% <<<"$out")" "$(percentile_ms 99% <<<"$out")"
}

# warm-up: lists flat out, and sign-ups, so the JIT has compiled both paths
wrk -t1 -c8 -d"${WARMUP_SECONDS}s" "$BASE/videos" >/dev/null
for i in $(seq 1 10); do sign_up "warm$i"; done
before=$(hash_totals)
for i in $(seq 1 20); do sign_up "quiet$i"; done
quiet_hash=$(hash_ms "$before" "$(hash_totals)")

echo "api-service, login storm, $(nproc) cores, $(date -u +%Y-%m-%d); $STORM storm connections" \
	"(Retry-After: $RETRY_AFTER), GET /videos at $RATE req/s, ${SECONDS_EACH}s each"
grep -o 'Password hashing: .*' "$API_LOG" | head -1
printf '%-28s %8s %8s %8s\n' "GET /videos" "sent/s" p50_ms p99_ms
videos "quiet"
before=$(hash_totals)
STORM_OUT="/tmp/login-storm-$$.wrk"
# the storm starts a second ahead of the measurement and ends a second after it
LAG=$((STORM / 2)) RETRY_AFTER=$RETRY_AFTER wrk -t1 -c"$STORM" -d"$((SECONDS_EACH + 2))s" --timeout 30s \
	-s bench/login-storm.lua "$BASE" >"$STORM_OUT" 2>&1 &
STORM_PID=$!
sleep 1
videos "during the storm"
wait "$STORM_PID"
STORM_PID=
storm_hash=$(hash_ms "$before" "$(hash_totals)")
echo "storm answers by status (201 signed up, 200 logged in, 401 login before its sign-up, 503 hashing busy):"
awk '/^status / { printf "  %s: %s\n", $2, $3 }' "$STORM_OUT" | sort
awk '/^Requests\/sec/ { printf "  storm requests/s: %.0f\n", $2 } /Socket errors/ { print "  " $0 }' "$STORM_OUT"
curl -sf "$METRICS" | awk '/^video_hash_rejected_total/ { printf "  refused, %s: %d\n", $1, $2 }'
echo "$HASH_COST"
echo "in the service, video_hash timer: $quiet_hash one after the other; $storm_hash during the storm"
rm -f "$STORM_OUT"
