#!/bin/sh
# Lists videos, newest first, as the api-service's JSON: everyone's, or one user's.
# Usage: scripts/list.sh [USER]
set -eu
. "$(dirname "$0")/common.sh"
if [ $# -ge 1 ]; then
	call GET "$API_URL/user/$1/videos"
else
	call GET "$API_URL/videos"
fi
echo
