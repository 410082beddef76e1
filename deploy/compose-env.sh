#!/bin/sh
# Writes deploy/compose.env, the env file docker-compose.yml gives every service, with a
# fresh random internal token (VIDEO_INTERNAL_TOKEN) and a fresh salt for the stream-service's
# viewer hash (VIDEO_VIEW_SALT, so that a view's hash cannot be matched to an address by
# anyone who knows the code) — once; an existing file is kept.
set -eu
file="$(dirname "$0")/compose.env"
if [ -s "$file" ]; then
	echo "$file exists; keeping it"
	exit 0
fi
random() { od -An -N32 -tx1 /dev/urandom | tr -d ' \n'; }
umask 077
printf '# Secrets for docker-compose.yml; never commit this file.\nVIDEO_INTERNAL_TOKEN=%s\nVIDEO_VIEW_SALT=%s\n' \
	"$(random)" "$(random)" > "$file"
echo "wrote $file"
