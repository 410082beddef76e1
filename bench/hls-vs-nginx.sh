#!/usr/bin/env bash
# HLS segment serving: one media segment of a published ladder
# ({vid}.hls/{version}/r720-00002.m4s, SEGMENT_KIB of random bytes, about a 4 s 720p
# segment) from the stream-service (GET /videos/{vid}/hls/{version}/{file}, with its
# validators, cache headers and connection limiter) and from nginx (the same file, 2
# workers, sendfile), loaded with wrk in the same run: 1 MiB Range requests and
# whole-segment GETs, which is what an HLS player sends. Prints req/s, MB/s, p99 and CPU
# per request of each, and the stream-service/nginx ratios.
#
#   bench/hls-vs-nginx.sh
#   DURATION=30s ROUNDS=3 SEGMENT_KIB=2048 bench/hls-vs-nginx.sh
#   SEGMENT_FILE=r720-00001.m4s bench/hls-vs-nginx.sh   # the first segment, which counts a view
#
# Needs java 17+, nginx, wrk, curl, mysql (client) and a MySQL/MariaDB server
# (DB_HOST/DB_PORT/DB_USER/DB_PASSWORD, default root@127.0.0.1:3306, a throw-away
# database is created and dropped). Installs nothing; cleans up after itself.
set -euo pipefail
source "$(dirname "$0")/stream-common.sh"
require java nginx wrk curl mysql

SEGMENT_KIB=${SEGMENT_KIB:-2048}
NGINX_PORT=${NGINX_PORT:-19080}

VID=$(cat /proc/sys/kernel/random/uuid)
VERSION=bench1
# A rung's second segment by default: most of what a player fetches. The first one
# (SEGMENT_FILE=r720-00001.m4s) also counts a view, once per playback in real use but on
# every request here.
FILE=${SEGMENT_FILE:-r720-00002.m4s}
SIZE=$((SEGMENT_KIB * 1024))
mkdir -p "$VIDEOS/$VID.hls/$VERSION"
head -c "$SIZE" /dev/urandom >"$VIDEOS/$VID.hls/$VERSION/$FILE"
chmod -R a+rX "$VIDEOS"

start_nginx
echo "Starting the stream-service"
start_stream
# The ladder's video, public, as the transcoder leaves it (the stream-service may look up
# who may watch it).
sql "$BENCH_DB" -e "INSERT INTO users (login_name, pwd) VALUES ('bench', 'x');
	INSERT INTO video_info (id, author_id, name, file_size) SELECT '$VID', id, 'segment bench', $SIZE FROM users;"
compare nginx "http://127.0.0.1:$NGINX_PORT/videos/$VID.hls/$VERSION/$FILE" "$(pgrep -P "$NGINX_PID" | tr '\n' ' ')" \
	stream "http://127.0.0.1:$STREAM_PORT/videos/$VID/hls/$VERSION/$FILE" "$STREAM_PID"
