#!/usr/bin/env bash
# Serves one 256 MiB file from the stream-service and from nginx (Debian nginx-light,
# 2 workers, sendfile on, run from a temporary prefix on 127.0.0.1) and loads both with
# wrk in the same run: random 1 MiB Range requests, then whole-file GETs. Prints req/s,
# MB/s and p99 latency of each, and the stream-service/nginx ratios.
#
#   bench/stream-vs-nginx.sh
#   DURATION=30s CONNECTIONS=32 ROUNDS=3 bench/stream-vs-nginx.sh
#
# Needs java 17+, nginx, wrk, curl, mysql (client) and a MySQL/MariaDB server
# (DB_HOST/DB_PORT/DB_USER/DB_PASSWORD, default root@127.0.0.1:3306, a throw-away
# database is created and dropped). Installs nothing; cleans up after itself.
set -euo pipefail
source "$(dirname "$0")/stream-common.sh"
require java nginx wrk curl mysql

SIZE_MIB=${SIZE_MIB:-256}
NGINX_PORT=${NGINX_PORT:-19080}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-10s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-16}
WHOLE_CONNECTIONS=${WHOLE_CONNECTIONS:-4}
ROUNDS=${ROUNDS:-2}

VID=$(cat /proc/sys/kernel/random/uuid)
SIZE=$((SIZE_MIB * 1024 * 1024))
echo "Making a $SIZE_MIB MiB test file"
head -c "$SIZE" /dev/urandom >"$VIDEOS/$VID"
chmod 644 "$VIDEOS/$VID"

mkdir -p "$WORK/nginx/logs" "$WORK/nginx/tmp"
cat >"$WORK/nginx/nginx.conf" <<CONF
worker_processes 2;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log warn;
events { worker_connections 4096; }
http {
    sendfile on;
    tcp_nopush on;
    access_log off;
    keepalive_requests 1000;
    client_body_temp_path $WORK/nginx/tmp/body;
    proxy_temp_path $WORK/nginx/tmp/proxy;
    fastcgi_temp_path $WORK/nginx/tmp/fastcgi;
    uwsgi_temp_path $WORK/nginx/tmp/uwsgi;
    scgi_temp_path $WORK/nginx/tmp/scgi;
    types { video/mp4 mp4; }
    default_type video/mp4;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        location /videos/ { alias $VIDEOS/; }
    }
}
CONF
nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -g 'daemon off;' &
PIDS+=("$!")

echo "Starting the stream-service"
start_stream

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

for url in "http://127.0.0.1:$NGINX_PORT/videos/$VID" "http://127.0.0.1:$STREAM_PORT/videos/$VID"; do
	got=$(curl -fs -r 0-1048575 -o /dev/null -w '%{http_code} %{size_download}' "$url")
	[[ "$got" == "206 1048576" ]] || { echo "Unexpected answer from $url: $got" >&2; exit 1; }
done

# run NAME URL SCRIPT CONNECTIONS -> "req/s MB/s p99ms errors"
run() {
	local out
	out=$(wrk -t"$THREADS" -c"$4" -d"$DURATION" --timeout 60s -s "$3" "$2" | awk '/^RESULT/')
	echo "$out" | awk '{ s = $4 / 1e6; printf "%.1f %.1f %.2f %d\n", $2 / s, $3 / s / 1e6, $5 / 1000, $6 }'
}

echo "Warming up both servers ($WARMUP each)"
for port in "$NGINX_PORT" "$STREAM_PORT"; do
	wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$WORK/range.lua" "http://127.0.0.1:$port/videos/$VID" >/dev/null
	wrk -t"$THREADS" -c"$WHOLE_CONNECTIONS" -d"$WARMUP" -s "$WORK/report.lua" \
		"http://127.0.0.1:$port/videos/$VID" >/dev/null
done

declare -A sum
for ((round = 1; round <= ROUNDS; round++)); do
	for test in range whole; do
		for server in nginx stream; do
			port=$NGINX_PORT
			[[ $server == stream ]] && port=$STREAM_PORT
			if [[ $test == range ]]; then
				result=$(run "$server" "http://127.0.0.1:$port/videos/$VID" "$WORK/range.lua" "$CONNECTIONS")
			else
				result=$(run "$server" "http://127.0.0.1:$port/videos/$VID" "$WORK/report.lua" "$WHOLE_CONNECTIONS")
			fi
			printf 'round %d %-5s %-6s req/s %10s  MB/s %8s  p99 ms %7s  errors %s\n' "$round" "$test" "$server" $result
			read -r rps mbs p99 errors <<<"$result"
			sum[$test.$server.rps]=$(awk -v a="${sum[$test.$server.rps]:-0}" -v b="$rps" 'BEGIN { print a + b }')
			sum[$test.$server.mbs]=$(awk -v a="${sum[$test.$server.mbs]:-0}" -v b="$mbs" 'BEGIN { print a + b }')
			sum[$test.$server.p99]=$(awk -v a="${sum[$test.$server.p99]:-0}" -v b="$p99" 'BEGIN { print a + b }')
		done
	done
done

echo
echo "Mean of $ROUNDS rounds, $DURATION each, wrk -t$THREADS, $CONNECTIONS connections for ranges," \
	"$WHOLE_CONNECTIONS for whole files, $(nproc) cores, $(date -u +%Y-%m-%d)"
printf '%-22s %12s %12s %10s\n' "" "req/s" "MB/s" "p99 ms"
for test in range whole; do
	for server in nginx stream; do
		awk -v n="$ROUNDS" -v name="$test $server" -v r="${sum[$test.$server.rps]}" -v m="${sum[$test.$server.mbs]}" \
			-v p="${sum[$test.$server.p99]}" 'BEGIN { printf "%-22s %12.1f %12.1f %10.2f\n", name, r / n, m / n, p / n }'
	done
	awk -v name="$test stream/nginx" -v r1="${sum[$test.stream.rps]}" -v r0="${sum[$test.nginx.rps]}" \
		-v p1="${sum[$test.stream.p99]}" -v p0="${sum[$test.nginx.p99]}" \
		'BEGIN { printf "%-22s %11.2fx %11.2fx %9.2fx\n", name, r1 / r0, r1 / r0, p1 / p0 }'
done
