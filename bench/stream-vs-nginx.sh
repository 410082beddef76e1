#!/usr/bin/env bash
# Serves one 256 MiB file from the stream-service and from nginx (Debian nginx-light,
# 2 workers, sendfile on, run from a temporary prefix on 127.0.0.1) and loads both with
# wrk in the same run: random 1 MiB Range requests, then whole-file GETs. Prints req/s,
# MB/s, p99 latency and CPU per request of each, and the stream-service/nginx ratios.
# When a Go toolchain is installed (Debian: golang-go), a plain Go net/http file server
# (bench/reference/fileserver.go) runs beside them: the reference the range target is
# set against, measured on this machine instead of taken on trust. NETTY=1 adds a bare
# Netty file server (bench/reference/netty, built with ./mvnw): what a JVM server reaches
# when each request is answered on the event loop that read it, with no servlet
# container's hand-off to a request thread and nothing else to do.
#
#   bench/stream-vs-nginx.sh
#   DURATION=30s CONNECTIONS=32 ROUNDS=3 bench/stream-vs-nginx.sh
#   NETTY=1 bench/stream-vs-nginx.sh
#
# Needs java 17+, nginx, wrk, curl, mysql (client) and a MySQL/MariaDB server
# (DB_HOST/DB_PORT/DB_USER/DB_PASSWORD, default root@127.0.0.1:3306, a throw-away
# database is created and dropped). Installs nothing; cleans up after itself.
set -euo pipefail
source "$(dirname "$0")/stream-common.sh"
require java nginx wrk curl mysql

SIZE_MIB=${SIZE_MIB:-256}
NGINX_PORT=${NGINX_PORT:-19080}
GO_PORT=${GO_PORT:-19090}
NETTY_PORT=${NETTY_PORT:-19095}

VID=$(cat /proc/sys/kernel/random/uuid)
SIZE=$((SIZE_MIB * 1024 * 1024))
echo "Making a $SIZE_MIB MiB test file"
head -c "$SIZE" /dev/urandom >"$VIDEOS/$VID"
chmod 644 "$VIDEOS/$VID"

start_nginx

echo "Starting the stream-service"
start_stream
servers=(nginx "http://127.0.0.1:$NGINX_PORT/videos/$VID" "$(pgrep -P "$NGINX_PID" | tr '\n' ' ')"
	stream "http://127.0.0.1:$STREAM_PORT/videos/$VID" "$STREAM_PID")

if command -v go >/dev/null; then
	echo "Starting the Go reference file server"
	(cd bench/reference && GOCACHE="$WORK/go-cache" go build -o "$WORK/fileserver" fileserver.go)
	"$WORK/fileserver" "127.0.0.1:$GO_PORT" "$VIDEOS" &
	PIDS+=("$!")
	servers+=(go "http://127.0.0.1:$GO_PORT/videos/$VID" "$!")
	for _ in $(seq 1 50); do curl -fs -o /dev/null "http://127.0.0.1:$GO_PORT/videos/" && break; sleep 0.1; done
fi

if [[ "${NETTY:-0}" == 1 ]]; then
	echo "Building and starting the Netty reference file server"
	./mvnw -B -q -f bench/reference/netty/pom.xml package dependency:build-classpath \
		-DincludeScope=runtime -Dmdep.outputFile="$WORK/netty.classpath" >&2
	"$JAVA_BIN" -cp "$(ls bench/reference/netty/target/bench-netty-fileserver-*.jar):$(cat "$WORK/netty.classpath")" \
		io.videoserver.bench.NettyFileServer "127.0.0.1:$NETTY_PORT" "$VIDEOS" &
	PIDS+=("$!")
	servers+=(netty "http://127.0.0.1:$NETTY_PORT/videos/$VID" "$!")
	for _ in $(seq 1 50); do curl -fs -o /dev/null -r 0-0 "http://127.0.0.1:$NETTY_PORT/videos/$VID" && break; sleep 0.2; done
fi

compare "${servers[@]}"
