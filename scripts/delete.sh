#!/bin/sh
# Deletes one of your videos: its metadata at once, its file shortly after (scheduler).
# Usage: scripts/delete.sh VIDEO_ID
set -eu
. "$(dirname "$0")/common.sh"
[ $# -eq 1 ] || die "usage: $0 VIDEO_ID"
load_session
call DELETE "$API_URL/user/$VIDEO_USER/videos/$1" \
	-H "X-Session-Id: $VIDEO_SESSION" -H "X-User-Name: $VIDEO_USER" > /dev/null
echo "deleted $1"
