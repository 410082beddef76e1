#!/bin/sh
# Ends the session on the server and forgets it here.
# Usage: scripts/logout.sh
set -eu
. "$(dirname "$0")/common.sh"
load_session
call DELETE "$API_URL/session" -H "X-Session-Id: $VIDEO_SESSION" -H "X-User-Name: $VIDEO_USER" > /dev/null
rm -f "$VIDEO_SESSION_FILE"
echo "logged out"
