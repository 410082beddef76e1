#!/bin/sh
# Writes deploy/compose.env, the env file docker-compose.yml gives every service, with a
# fresh random internal token (VIDEO_INTERNAL_TOKEN) — once; an existing file is kept.
set -eu
file="$(dirname "$0")/compose.env"
if [ -s "$file" ]; then
	echo "$file exists; keeping it"
	exit 0
fi
token=$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')
umask 077
printf '# Secrets for docker-compose.yml; never commit this file.\nVIDEO_INTERNAL_TOKEN=%s\n' "$token" > "$file"
echo "wrote $file"
