#!/bin/sh
# Logs in (the session is kept for the other scripts, in $VIDEO_SESSION_FILE).
# Usage: scripts/login.sh USER [PASSWORD]   (or VIDEO_PASSWORD=..., or asked for)
set -eu
. "$(dirname "$0")/common.sh"
[ $# -ge 1 ] || die "usage: $0 USER [PASSWORD]"
user=$1
pwd=$(password "$user" "${2:-}")
body="{\"user_name\":$(json_string "$user"),\"pwd\":$(json_string "$pwd")}"
session=$(call POST "$API_URL/user/$user" -H 'Content-Type: application/json' --data-binary "$body" \
	| json_field session_id)
[ -n "$session" ] || die "no session_id in the answer"
save_session "$user" "$session"
echo "logged in as $user"
