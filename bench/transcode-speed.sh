#!/usr/bin/env bash
# Transcoding on this machine, for a SECONDS-long 1080p30 source (default 60 s; made once
# with the bundled ffmpeg from testsrc2 with film grain, kept in target/transcode-bench):
#  1. speed as a multiple of real time of each rung made alone with the project's settings
#     (shared.media.HlsTranscode: libx264 veryfast, CRF 23 capped by the rung's bitrate,
#     a keyframe every 4 s, 4 s fMP4 segments, AAC 128k), of the same rung with PeerTube's
#     default VOD settings through the same ffmpeg (bench/TranscodeSpeed.java says which),
#     and of the whole ladder plus MP4 and poster in the one run a job makes;
#  2. the scheduler-service itself working one queued job of that source (an upload kept as
#     {vid}.source): the job's time from queued to ready, the JVM's peak RSS (VmHWM) and
#     ffmpeg's.
#
#   bench/transcode-speed.sh
#   SECONDS_LONG=20 bench/transcode-speed.sh
#
# Needs java 17+, curl, mysql (client) and a MySQL/MariaDB server (DB_HOST/DB_PORT/DB_USER/
# DB_PASSWORD, default root@127.0.0.1:3306; a throw-away database is created and dropped).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_LONG=${SECONDS_LONG:-60}
DB_HOST=${DB_HOST:-127.0.0.1}
DB_PORT=${DB_PORT:-3306}
DB_USER=${DB_USER:-root}
DB_PASSWORD=${DB_PASSWORD:-}
PORT=${PORT:-19301}
for tool in java curl mysql; do
	command -v "$tool" >/dev/null || { echo "Missing $tool (Debian: apt-get install -y curl mariadb-client)" >&2; exit 1; }
done
JAR=scheduler-service/target/scheduler-service-1.0.0-SNAPSHOT.jar
[[ -f "$JAR" ]] || ./mvnw -B -q -pl scheduler-service -am package -DskipTests
WORK=$PWD/target/transcode-bench
mkdir -p "$WORK"
rm -rf "$WORK/extracted" && java -Djarmode=tools -jar "$JAR" extract --destination "$WORK/extracted" >/dev/null

echo "# bench/transcode-speed.sh $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$WORK/extracted/lib/*" bench/TranscodeSpeed.java "$WORK" "$SECONDS_LONG"

sql() { MYSQL_PWD="$DB_PASSWORD" mysql -h"$DB_HOST" -P"$DB_PORT" -u"$DB_USER" -N -B "$@"; }
DB="video_bench_transcode_$(date +%s)_$$"
PID=
cleanup() {
	[[ -n "$PID" ]] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true
	sql -e "DROP DATABASE IF EXISTS $DB" || true
}
trap cleanup EXIT
sql -e "CREATE DATABASE $DB CHARACTER SET utf8mb4"
rm -rf "$WORK/videos" "$WORK/jobs" && mkdir -p "$WORK/videos" "$WORK/jobs"
SERVER_PORT=$PORT MANAGEMENT_SERVER_PORT=$((PORT + 1)) VIDEO_DIR="$WORK/videos" VIDEO_TRANSCODE_WORK_DIR="$WORK/jobs" \
	VIDEO_TRANSCODE_INTERVAL=1s SPRING_DATASOURCE_URL="jdbc:mysql://$DB_HOST:$DB_PORT/$DB" \
	SPRING_DATASOURCE_USERNAME="$DB_USER" SPRING_DATASOURCE_PASSWORD="$DB_PASSWORD" \
	java -jar "$JAR" >"$WORK/scheduler.log" 2>&1 &
PID=$!
for _ in $(seq 1 120); do
	curl -fs -o /dev/null "http://127.0.0.1:$((PORT + 1))/actuator/health/readiness" && break
	sleep 0.5
done
VID=$(cat /proc/sys/kernel/random/uuid)
cp "$WORK/source-1080p-${SECONDS_LONG}s.mp4" "$WORK/videos/$VID.source"
SIZE=$(stat -c %s "$WORK/videos/$VID.source")
start=$(date +%s%3N)
sql "$DB" -e "INSERT INTO users (login_name, pwd) VALUES ('bench', 'x');
	INSERT INTO video_info (id, author_id, name, file_size) SELECT '$VID', id, 'transcode bench', $SIZE FROM users;
	INSERT INTO video_transcode (video_id, source) VALUES ('$VID', 'upload');"
ffmpeg_peak=0
state=queued
while [[ "$state" == queued || "$state" == running ]]; do
	for child in $(pgrep -P "$PID" || true); do
		rss=$(awk '/VmRSS/ { print $2 }' "/proc/$child/status" 2>/dev/null || echo 0)
		((rss > ffmpeg_peak)) && ffmpeg_peak=$rss
	done
	state=$(sql "$DB" -e "SELECT state FROM video_transcode WHERE video_id = '$VID'")
	sleep 0.2
	(($(date +%s%3N) - start < 3600000)) || { echo "The job took over an hour" >&2; exit 1; }
done
took=$(($(date +%s%3N) - start))
jvm_peak=$(awk '/VmHWM/ { print $2 }' "/proc/$PID/status")
echo
echo "scheduler-service job (${SECONDS_LONG} s 1080p source kept as an upload): state $state after $((took / 1000)).$((took % 1000 / 100)) s" \
	"($(awk -v s="$SECONDS_LONG" -v t="$took" 'BEGIN { printf "%.2f", s * 1000 / t }')x real time, queue polling included)," \
	"renditions $(sql "$DB" -e "SELECT renditions FROM video_transcode WHERE video_id = '$VID'")"
echo "peak RSS: scheduler JVM $((jvm_peak / 1024)) MiB, ffmpeg $((ffmpeg_peak / 1024)) MiB"
[[ "$state" == ready ]] || { tail -30 "$WORK/scheduler.log"; exit 1; }
