#!/usr/bin/env bash
# The stream-service serving one 256 MiB file from its local directory (zero copy) and
# from S3 (VIDEO_STORE=s3, S3Proxy with its file-system backend on 127.0.0.1, started
# here as a java child process from the Maven repository), loaded with wrk in the same
# run: random 1 MiB Range requests, then whole-file GETs. Prints req/s, MB/s and p99
# latency of each, and the S3/local ratios.
#
#   bench/stream-s3-vs-local.sh
#   DURATION=10s ROUNDS=1 bench/stream-s3-vs-local.sh
#
# Needs java 17+, wrk, curl (7.75+ for --aws-sigv4), mysql (client) and a MySQL/MariaDB
# server (DB_HOST/DB_PORT/DB_USER/DB_PASSWORD, default root@127.0.0.1:3306; a throw-away
# database is created and dropped). Installs nothing; cleans up after itself.
set -euo pipefail
source "$(dirname "$0")/stream-common.sh"
require java wrk curl mysql

SIZE_MIB=${SIZE_MIB:-256}
S3_PORT=${S3_PORT:-19090}
LOCAL_PORT=${LOCAL_PORT:-19000}
S3_STREAM_PORT=${S3_STREAM_PORT:-19001}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-10s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-16}
WHOLE_CONNECTIONS=${WHOLE_CONNECTIONS:-4}
ROUNDS=${ROUNDS:-2}
BUCKET=videos
KEY=bench-access
SECRET=bench-secret-key

VID=$(cat /proc/sys/kernel/random/uuid)
SIZE=$((SIZE_MIB * 1024 * 1024))
echo "Making a $SIZE_MIB MiB test file"
head -c "$SIZE" /dev/urandom >"$VIDEOS/$VID"

echo "Starting S3Proxy (file-system backend) on 127.0.0.1:$S3_PORT"
./mvnw -B -q -pl shared dependency:build-classpath -Dmdep.includeScope=test \
	-Dmdep.outputFile="$WORK/s3proxy.classpath" >&2
mkdir -p "$WORK/s3"
cat >"$WORK/s3proxy.properties" <<CONF
s3proxy.endpoint=http://127.0.0.1:$S3_PORT
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$KEY
s3proxy.credential=$SECRET
jclouds.provider=filesystem
jclouds.identity=unused
jclouds.credential=unused
jclouds.filesystem.basedir=$WORK/s3
CONF
"$JAVA_BIN" -cp "$(cat "$WORK/s3proxy.classpath")" org.gaul.s3proxy.Main \
	--properties "$WORK/s3proxy.properties" >"$WORK/s3proxy.log" 2>&1 &
PIDS+=("$!")
s3() { # S3Proxy wants the payload hash header, which curl 7.x does not send by itself
	curl -fsS --aws-sigv4 "aws:amz:us-east-1:s3" --user "$KEY:$SECRET" \
		-H "x-amz-content-sha256: UNSIGNED-PAYLOAD" "$@"
}
for _ in $(seq 1 60); do
	s3 -o /dev/null "http://127.0.0.1:$S3_PORT/" 2>/dev/null && break
	sleep 1
done
s3 -X PUT "http://127.0.0.1:$S3_PORT/$BUCKET" -o /dev/null
s3 -T "$VIDEOS/$VID" "http://127.0.0.1:$S3_PORT/$BUCKET/$VID" -o /dev/null

echo "Starting the stream-service twice: local directory on $LOCAL_PORT, S3 on $S3_STREAM_PORT"
STREAM_PORT=$LOCAL_PORT start_stream
STREAM_PORT=$S3_STREAM_PORT start_stream VIDEO_STORE=s3 VIDEO_S3_ENDPOINT="http://127.0.0.1:$S3_PORT" \
	VIDEO_S3_BUCKET=$BUCKET VIDEO_S3_PATH_STYLE=true VIDEO_S3_ACCESS_KEY=$KEY VIDEO_S3_SECRET_KEY=$SECRET \
	VIDEO_S3_STAGING_DIR="$WORK/staging"

cat >"$WORK/range.lua" <<LUA
local size, chunk = $SIZE, 1048576
math.randomseed(os.time() + (os.clock() * 1000000))
request = function()
  local first = math.random(0, size - chunk)
  return wrk.format("GET", nil, { ["Range"] = "bytes=" .. first .. "-" .. (first + chunk - 1) })
end
LUA
cat >"$WORK/report.lua" <<'LUA'
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %d %d %d %d\n", summary.requests, summary.bytes, summary.duration,
    latency:percentile(99), e.status + e.connect + e.read + e.write + e.timeout))
end
LUA
cat "$WORK/report.lua" >>"$WORK/range.lua"

for port in "$LOCAL_PORT" "$S3_STREAM_PORT"; do
	got=$(curl -fs -r 0-1048575 -o /dev/null -w '%{http_code} %{size_download}' "http://127.0.0.1:$port/videos/$VID")
	[[ "$got" == "206 1048576" ]] || { echo "Unexpected answer from port $port: $got" >&2; exit 1; }
done

# run URL SCRIPT CONNECTIONS -> "req/s MB/s p99ms errors"
run() {
	local out
	out=$(wrk -t"$THREADS" -c"$3" -d"$DURATION" --timeout 60s -s "$2" "$1" | awk '/^RESULT/')
	echo "$out" | awk '{ s = $4 / 1e6; printf "%.1f %.1f %.2f %d\n", $2 / s, $3 / s / 1e6, $5 / 1000, $6 }'
}

echo "Warming up both ($WARMUP each); load average $(cut -d' ' -f1-3 /proc/loadavg)"
for port in "$LOCAL_PORT" "$S3_STREAM_PORT"; do
	wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$WORK/range.lua" "http://127.0.0.1:$port/videos/$VID" >/dev/null
	wrk -t"$THREADS" -c"$WHOLE_CONNECTIONS" -d"$WARMUP" -s "$WORK/report.lua" \
		"http://127.0.0.1:$port/videos/$VID" >/dev/null
done

declare -A sum
for ((round = 1; round <= ROUNDS; round++)); do
	for test in range whole; do
		for store in local s3; do
			port=$LOCAL_PORT
			[[ $store == s3 ]] && port=$S3_STREAM_PORT
			if [[ $test == range ]]; then
				result=$(run "http://127.0.0.1:$port/videos/$VID" "$WORK/range.lua" "$CONNECTIONS")
			else
				result=$(run "http://127.0.0.1:$port/videos/$VID" "$WORK/report.lua" "$WHOLE_CONNECTIONS")
			fi
			printf 'round %d %-5s %-5s req/s %10s  MB/s %8s  p99 ms %7s  errors %s\n' "$round" "$test" "$store" $result
			read -r rps mbs p99 errors <<<"$result"
			sum[$test.$store.rps]=$(awk -v a="${sum[$test.$store.rps]:-0}" -v b="$rps" 'BEGIN { print a + b }')
			sum[$test.$store.mbs]=$(awk -v a="${sum[$test.$store.mbs]:-0}" -v b="$mbs" 'BEGIN { print a + b }')
			sum[$test.$store.p99]=$(awk -v a="${sum[$test.$store.p99]:-0}" -v b="$p99" 'BEGIN { print a + b }')
		done
	done
done

echo
echo "Mean of $ROUNDS rounds, $DURATION each, wrk -t$THREADS, $CONNECTIONS connections for ranges," \
	"$WHOLE_CONNECTIONS for whole files, $(nproc) cores, $(date -u +%Y-%m-%d), load average now $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-20s %12s %12s %10s\n' "" "req/s" "MB/s" "p99 ms"
for test in range whole; do
	for store in local s3; do
		awk -v n="$ROUNDS" -v name="$test $store" -v r="${sum[$test.$store.rps]}" -v m="${sum[$test.$store.mbs]}" \
			-v p="${sum[$test.$store.p99]}" 'BEGIN { printf "%-20s %12.1f %12.1f %10.2f\n", name, r / n, m / n, p / n }'
	done
	awk -v name="$test s3/local" -v r1="${sum[$test.s3.rps]}" -v r0="${sum[$test.local.rps]}" \
		-v m1="${sum[$test.s3.mbs]}" -v m0="${sum[$test.local.mbs]}" \
		-v p1="${sum[$test.s3.p99]}" -v p0="${sum[$test.local.p99]}" \
		'BEGIN { printf "%-20s %11.2fx %11.2fx %9.2fx\n", name, r1 / r0, m1 / m0, p1 / p0 }'
done
