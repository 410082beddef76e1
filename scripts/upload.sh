#!/bin/sh
# Creates a video and uploads its MP4 file; prints the new video's id on stdout.
# Usage: scripts/upload.sh FILE [NAME]   (NAME defaults to the file's name)
set -eu
. "$(dirname "$0")/common.sh"
[ $# -ge 1 ] || die "usage: $0 FILE [NAME]"
file=$1
[ -r "$file" ] || die "cannot read $file"
name=${2:-$(basename "$file")}
load_session
video=$(call POST "$API_URL/user/$VIDEO_USER/videos" -H 'Content-Type: application/json' \
	-H "X-Session-Id: $VIDEO_SESSION" -H "X-User-Name: $VIDEO_USER" \
	--data-binary "{\"name\":$(json_string "$name")}" | json_field id)
[ -n "$video" ] || die "no id in the answer"
echo "created video $video, uploading $file" >&2
call PUT "$STREAM_URL/videos/$video" -T "$file" -H 'Content-Type: video/mp4' \
	-H "X-Session-Id: $VIDEO_SESSION" -H "X-User-Name: $VIDEO_USER" > /dev/null
echo "uploaded: watch it at $API_URL/ or fetch $STREAM_URL/videos/$video" >&2
echo "$video"
