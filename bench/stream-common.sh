# Shared by bench/stream-vs-nginx.sh, bench/hls-vs-nginx.sh and bench/stream-upload-rss.sh
# (sourced, not run):
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
	env SERVER_PORT="$STREAM_PORT" MANAGEMENT_SERVER_PORT=$((STREAM_PORT + 81)) VIDEO_DIR="$VIDEOS" VIDEO_RATE_LIMIT=0 \
		LOGGING_LEVEL_IO_VIDEOSERVER_ACCESS=warn \
		SPRING_DATASOURCE_URL="jdbc:mysql://$DB_HOST:$DB_PORT/$BENCH_DB" \
		SPRING_DATASOURCE_USERNAME="$DB_USER" SPRING_DATASOURCE_PASSWORD="$DB_PASSWORD" "$@" \
		"$JAVA_BIN" ${JAVA_OPTS:-} -jar "$(stream_jar)" >"$WORK/stream-$STREAM_PORT.log" 2>&1 &
	STREAM_PID=$!
	PIDS+=("$STREAM_PID")
	for _ in $(seq 1 120); do
		if curl -fs "http://127.0.0.1:$((STREAM_PORT + 81))/actuator/health/readiness" >/dev/null; then
			return 0
		fi
		sleep 1
	done
	echo "stream-service did not become ready; its log:" >&2
	tail -50 "$WORK/stream-$STREAM_PORT.log" >&2
	exit 1
}

# Starts Debian's nginx on 127.0.0.1:$NGINX_PORT from a temporary prefix, 2 workers,
# sendfile on, access log off, serving $VIDEOS under /videos/ (NGINX_PID: its master).
start_nginx() {
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
    types { video/mp4 mp4 m4s; application/vnd.apple.mpegurl m3u8; }
    default_type video/mp4;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        location /videos/ { alias $VIDEOS/; }
    }
}
CONF
	nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -g 'daemon off;' &
	NGINX_PID=$!
	PIDS+=("$NGINX_PID")
	for _ in $(seq 1 50); do curl -fs -o /dev/null "http://127.0.0.1:$NGINX_PORT/videos/" && break; sleep 0.1; done
}

peak_rss_kib() {
	awk '/VmHWM/ { print $2 }' "/proc/$1/status"
}

# The load the comparisons put on the servers; each can be set from the environment. The
# warm-up is long because a JVM reaches its steady speed only after C2 has compiled the
# request path, which took about a minute of this load on 2 cores; nginx and Go get the
# same warm-up, though they need none.
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-45s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-16}
WHOLE_CONNECTIONS=${WHOLE_CONNECTIONS:-4}
ROUNDS=${ROUNDS:-3}

# compare NAME URL PIDS [NAME URL PIDS]...: loads each server of the same $SIZE-byte file
# with wrk in the same run (random 1 MiB Range requests, then whole-file GETs), $ROUNDS
# interleaved rounds of $DURATION after a $WARMUP warm-up of each, and prints req/s, MB/s,
# p99 and the CPU time the server's processes (PIDS, space-separated) took per request,
# for each and as a ratio to the first server. Settings: THREADS, CONNECTIONS (ranges),
# WHOLE_CONNECTIONS (whole files).
compare() {
	local names=() urls=() pids=()
	while (($# >= 3)); do
		names+=("$1") urls+=("$2") pids+=("$3")
		shift 3
	done
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
	local url got
	for url in "${urls[@]}"; do
		got=$(curl -fs -r 0-1048575 -o /dev/null -w '%{http_code} %{size_download}' "$url")
		[[ "$got" == "206 1048576" ]] || { echo "Unexpected answer from $url: $got" >&2; exit 1; }
	done
	echo "Warming up each server ($WARMUP of ranges, $WARMUP of whole files); load average" \
		"$(cut -d' ' -f1-3 /proc/loadavg)"
	for url in "${urls[@]}"; do
		wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$WORK/range.lua" "$url" >/dev/null
		wrk -t"$THREADS" -c"$WHOLE_CONNECTIONS" -d"$WARMUP" -s "$WORK/report.lua" "$url" >/dev/null
	done
	local -A sum
	local round test i result field value values
	local fields=(rps mbs p99 cpu)
	for ((round = 1; round <= ROUNDS; round++)); do
		for test in range whole; do
			for i in "${!urls[@]}"; do
				if [[ $test == range ]]; then
					result=$(wrk_result "${urls[$i]}" "$WORK/range.lua" "$CONNECTIONS" "${pids[$i]}")
				else
					result=$(wrk_result "${urls[$i]}" "$WORK/report.lua" "$WHOLE_CONNECTIONS" "${pids[$i]}")
				fi
				read -r -a values <<<"$result"
				printf 'round %d %-5s %-6s req/s %10s  MB/s %8s  p99 ms %7s  cpu ms/req %7s  errors %s\n' \
					"$round" "$test" "${names[$i]}" "${values[@]}"
				for field in 0 1 2 3; do
					value=${values[$field]}
					sum[$test.$i.${fields[$field]}]=$(awk -v a="${sum[$test.$i.${fields[$field]}]:-0}" -v b="$value" \
						'BEGIN { print a + b }')
				done
			done
		done
	done
	echo
	echo "Mean of $ROUNDS rounds, $DURATION each, wrk -t$THREADS, $CONNECTIONS connections for ranges," \
		"$WHOLE_CONNECTIONS for whole files, $(nproc) cores, $(date -u +%Y-%m-%d)," \
		"load average now $(cut -d' ' -f1-3 /proc/loadavg)"
	printf '%-22s %12s %12s %10s %12s\n' "" "req/s" "MB/s" "p99 ms" "cpu ms/req"
	for test in range whole; do
		for i in "${!urls[@]}"; do
			awk -v n="$ROUNDS" -v name="$test ${names[$i]}" -v r="${sum[$test.$i.rps]}" -v m="${sum[$test.$i.mbs]}" \
				-v p="${sum[$test.$i.p99]}" -v c="${sum[$test.$i.cpu]}" \
				'BEGIN { printf "%-22s %12.1f %12.1f %10.2f %12.3f\n", name, r / n, m / n, p / n, c / n }'
		done
		for ((i = 1; i < ${#urls[@]}; i++)); do
			awk -v name="$test ${names[$i]}/${names[0]}" -v r1="${sum[$test.$i.rps]}" -v r0="${sum[$test.0.rps]}" \
				-v m1="${sum[$test.$i.mbs]}" -v m0="${sum[$test.0.mbs]}" \
				-v p1="${sum[$test.$i.p99]}" -v p0="${sum[$test.0.p99]}" \
				-v c1="${sum[$test.$i.cpu]}" -v c0="${sum[$test.0.cpu]}" \
				'BEGIN { printf "%-22s %11.2fx %11.2fx %9.2fx %11.2fx\n", name, r1 / r0, m1 / m0, p1 / p0, c1 / c0 }'
		done
	done
}

# cpu_ticks PIDS -> the user + system clock ticks all threads of these processes have used
cpu_ticks() {
	local pid total=0
	for pid in $1; do
		# fields after the thread's name, which may hold spaces: utime and stime are 12 and 13
		total=$((total + $(cat /proc/"$pid"/task/*/stat 2>/dev/null | sed 's/.*) //' |
			awk '{ t += $12 + $13 } END { print t + 0 }')))
	done
	echo "$total"
}

# wrk_result URL SCRIPT CONNECTIONS PIDS -> "req/s MB/s p99ms cpu-ms/request errors"
wrk_result() {
	local out before after
	before=$(cpu_ticks "$4")
	out=$(wrk -t"$THREADS" -c"$3" -d"$DURATION" --timeout 60s -s "$2" "$1" | awk '/^RESULT/')
	after=$(cpu_ticks "$4")
	echo "$out" | awk -v ticks=$((after - before)) -v hz="$(getconf CLK_TCK)" \
		'{ s = $4 / 1e6; printf "%.1f %.1f %.2f %.3f %d\n", $2 / s, $3 / s / 1e6, $5 / 1000, ticks * 1000 / hz / $2, $6 }'
}
