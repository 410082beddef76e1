#!/usr/bin/env bash
# Uploads a 1 GiB MP4-looking file to the stream-service, once as a raw PUT (curl -T) and
# once as the original's multipart form (curl -F file=@...), and prints the server's peak
# resident memory (VmHWM) before and after each: a streamed upload must not grow it by
# more than a buffer's worth, whatever the file size.
#
#   bench/stream-upload-rss.sh
#   SIZE_MIB=2048 bench/stream-upload-rss.sh
#
# Needs java 17+, curl, mysql (client) and a MySQL/MariaDB server (DB_HOST/DB_PORT/
# DB_USER/DB_PASSWORD, default root@127.0.0.1:3306; a throw-away database is created and
# dropped). Installs nothing; cleans up after itself.
set -euo pipefail
source "$(dirname "$0")/stream-common.sh"
require java curl mysql

SIZE_MIB=${SIZE_MIB:-1024}
LIMIT_MIB=${LIMIT_MIB:-64}

echo "Making a $SIZE_MIB MiB upload"
FILE="$WORK/upload.mp4"
{
	printf '\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2'
	head -c $((SIZE_MIB * 1024 * 1024 - 24)) /dev/urandom
} >"$FILE"

echo "Starting the stream-service"
start_stream VIDEO_UPLOAD_MAX_SIZE="$((SIZE_MIB + 1))MB"

# What api-service would have created: a user, a session and two videos of that user.
USER_NAME=bench
SESSION=$(cat /proc/sys/kernel/random/uuid)
RAW_VID=$(cat /proc/sys/kernel/random/uuid)
FORM_VID=$(cat /proc/sys/kernel/random/uuid)
sql "$BENCH_DB" -e "
	INSERT INTO users (login_name, pwd) VALUES ('$USER_NAME', 'x');
	INSERT INTO sessions VALUES ('$SESSION', '$USER_NAME', NOW(3) + INTERVAL 30 MINUTE);
	INSERT INTO video_info (id, author_id, name) SELECT '$RAW_VID', id, 'raw' FROM users WHERE login_name = '$USER_NAME';
	INSERT INTO video_info (id, author_id, name) SELECT '$FORM_VID', id, 'form' FROM users WHERE login_name = '$USER_NAME';"

AUTH=(-H "X-Session-Id: $SESSION" -H "X-User-Name: $USER_NAME")
BASE="http://127.0.0.1:$STREAM_PORT"
# Warm the server up with a small upload so that start-up allocations are not counted.
head -c 1048576 "$FILE" >"$WORK/small.mp4"
curl -fs -o /dev/null "${AUTH[@]}" -T "$WORK/small.mp4" "$BASE/videos/$RAW_VID"
curl -fs -o /dev/null "${AUTH[@]}" -F "file=@$WORK/small.mp4;type=video/mp4" "$BASE/upload/$FORM_VID"

status=0
check() {
	local name=$1 before=$2 after=$3 answer=$4
	local growth=$(((after - before) / 1024))
	printf '%-28s VmHWM before %7d MiB  after %7d MiB  growth %5d MiB  answer %s\n' \
		"$name" $((before / 1024)) $((after / 1024)) "$growth" "$answer"
	if ((growth > LIMIT_MIB)); then
		echo "  FAIL: peak RSS grew by more than $LIMIT_MIB MiB" >&2
		status=1
	fi
}

before=$(peak_rss_kib "$STREAM_PID")
answer=$(curl -fsS "${AUTH[@]}" -T "$FILE" "$BASE/videos/$RAW_VID")
check "PUT $SIZE_MIB MiB (curl -T)" "$before" "$(peak_rss_kib "$STREAM_PID")" "$answer"

before=$(peak_rss_kib "$STREAM_PID")
answer=$(curl -fsS "${AUTH[@]}" -F "file=@$FILE;type=video/mp4" "$BASE/upload/$FORM_VID")
check "POST multipart $SIZE_MIB MiB" "$before" "$(peak_rss_kib "$STREAM_PID")" "$answer"

cmp -s "$FILE" "$VIDEOS/$RAW_VID" && cmp -s "$FILE" "$VIDEOS/$FORM_VID" ||
	{ echo "FAIL: a stored file differs from the upload" >&2; status=1; }
echo "Stored files are identical to the upload; $(date -u +%Y-%m-%d), $(nproc) cores"
exit $status
