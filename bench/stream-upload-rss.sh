#!/usr/bin/env bash
# Uploads a 1 GiB MP4 file to the stream-service, once as a raw PUT (curl -T) and
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
# A valid MP4 (uploads are checked box by box) of the given size: the e2e clip, whose last
# box is mdat, with random bytes appended inside that mdat.
make_mp4() {
	local bytes=$1 out=$2 clip=e2e-tests/src/test/resources/clip.mp4
	local size off=0 len type
	size=$(stat -c %s "$clip")
	while ((off < size)); do
		len=$(od -An -tu4 --endian=big -j "$off" -N4 "$clip" | tr -d ' ')
		type=$(dd if="$clip" bs=1 skip=$((off + 4)) count=4 2>/dev/null)
		[[ $type == mdat ]] && break
		off=$((off + len))
	done
	local mdat=$((bytes - off))
	{
		head -c "$off" "$clip"
		printf "$(printf '\\x%02x' $((mdat >> 24 & 255)) $((mdat >> 16 & 255)) $((mdat >> 8 & 255)) $((mdat & 255)))mdat"
		tail -c +$((off + 9)) "$clip"
		head -c $((bytes - size)) /dev/urandom
	} >"$out"
}
make_mp4 $((SIZE_MIB * 1024 * 1024)) "$FILE"

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
make_mp4 1048576 "$WORK/small.mp4"
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
