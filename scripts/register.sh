#!/bin/sh
# Creates an account and logs it in (the session is kept for the other scripts).
# Usage: scripts/register.sh USER [PASSWORD]   (or VIDEO_PASSWORD=..., or asked for)
set -eu
. "$(dirname "$0")/common.sh"
[ $# -ge 1 ] || die "usage: $0 USER [PASSWORD]"
user=$1
pwd=$(password "$user" "${2:-}")
body="{\"user_name\":$(json_string "$user"),\"pwd\":$(json_string "$pwd")}"
session=$(call POST "$API_URL/user" -H 'Content-Type: application/json' --data-binary "$body" | json_field session_id)
[ -n "$session" ] || die "no session_id in the answer"
save_session "$user" "$session"
echo "registered and logged in as $user"
