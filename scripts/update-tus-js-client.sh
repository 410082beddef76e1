#!/bin/sh
# Re-fetches the browser bundle of tus-js-client (the tus reference client the web UI
# uploads with) from npm into api-service's static files, with its licence.
# Usage: scripts/update-tus-js-client.sh [VERSION]   (default: the version vendored now)
set -eu
version=${1:-4.3.1}
root=$(cd "$(dirname "$0")/.." && pwd)
vendor="$root/api-service/src/main/resources/static/vendor"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "tus-js-client@$version" > /dev/null && tar xzf "tus-js-client-$version.tgz")
mkdir -p "$vendor"
cp "$work/package/dist/tus.min.js" "$vendor/tus.min.js"
cp "$work/package/LICENSE" "$vendor/tus-js-client.LICENSE"
echo "$version" > "$vendor/tus-js-client.VERSION"
echo "tus-js-client $version is in $vendor" >&2
