#!/bin/sh
# Re-fetches the browser bundle of hls.js (the HLS player the web UI's watch page uses
# where the browser has Media Source Extensions) from npm into api-service's static
# files, with its licence.
# Usage: scripts/update-hls-js.sh [VERSION]   (default: the version vendored now)
set -eu
version=${1:-1.7.4}
root=$(cd "$(dirname "$0")/.." && pwd)
vendor="$root/api-service/src/main/resources/static/vendor"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "hls.js@$version" > /dev/null && tar xzf "hls.js-$version.tgz")
mkdir -p "$vendor"
cp "$work/package/dist/hls.min.js" "$vendor/hls.min.js"
cp "$work/package/LICENSE" "$vendor/hls.js.LICENSE"
echo "$version" > "$vendor/hls.js.VERSION"
echo "hls.js $version is in $vendor" >&2
