# Shared by the scripts in this directory (sourced, not run). Only curl and POSIX sh.
#   API_URL      the api-service     (default http://localhost:8000)
#   STREAM_URL   the stream-service  (default http://localhost:9000)
#   VIDEO_SESSION_FILE  where login keeps the session (default ~/.config/video-site/session)
API_URL=${API_URL:-http://localhost:8000}
STREAM_URL=${STREAM_URL:-http://localhost:9000}
VIDEO_SESSION_FILE=${VIDEO_SESSION_FILE:-${HOME:-.}/.config/video-site/session}

die() {
	echo "$(basename "$0"): $*" >&2
	exit 1
}

command -v curl > /dev/null 2>&1 || die "curl is needed"

# call METHOD URL [curl options...]: prints the body; fails with the server's legacy
# error ({"error","error_code"}) when the status is not 2xx.
call() {
	method=$1
	url=$2
	shift 2
	body_file=$(mktemp)
	status=$(curl -sS -o "$body_file" -w '%{http_code}' -X "$method" "$@" "$url") || {
		rm -f "$body_file"
		die "cannot reach $url (is the site running?)"
	}
	body=$(cat "$body_file")
	rm -f "$body_file"
	case "$status" in
		2??) printf '%s' "$body" ;;
		*) die "$method $url answered $status: $body" ;;
	esac
}

# json_field NAME: the string or number value of a top-level field of the JSON on stdin.
json_field() {
	sed -n "s/.*\"$1\" *: *\"\\{0,1\\}\\([^\",}]*\\).*/\\1/p" | head -n 1
}

# json_string TEXT: TEXT as a JSON string literal.
json_string() {
	printf '"%s"' "$(printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g')"
}

save_session() {
	mkdir -p "$(dirname "$VIDEO_SESSION_FILE")"
	(umask 077 && printf 'VIDEO_USER=%s\nVIDEO_SESSION=%s\n' "$1" "$2" > "$VIDEO_SESSION_FILE")
}

# load_session: sets VIDEO_USER and VIDEO_SESSION from the session file.
load_session() {
	[ -r "$VIDEO_SESSION_FILE" ] || die "not logged in: run scripts/login.sh USER first"
	VIDEO_USER=$(sed -n 's/^VIDEO_USER=//p' "$VIDEO_SESSION_FILE")
	VIDEO_SESSION=$(sed -n 's/^VIDEO_SESSION=//p' "$VIDEO_SESSION_FILE")
	[ -n "$VIDEO_USER" ] && [ -n "$VIDEO_SESSION" ] || die "broken session file $VIDEO_SESSION_FILE"
}

# password USER [PASSWORD]: the argument, else $VIDEO_PASSWORD, else asked for.
password() {
	if [ -n "${2:-}" ]; then
		printf '%s' "$2"
	elif [ -n "${VIDEO_PASSWORD:-}" ]; then
		printf '%s' "$VIDEO_PASSWORD"
	else
		printf 'Password for %s: ' "$1" >&2
		stty -echo 2> /dev/null || true
		read -r pwd
		stty echo 2> /dev/null || true
		echo >&2
		printf '%s' "$pwd"
	fi
}
