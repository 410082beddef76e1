#!/bin/sh
# Re-fetches the browser bundle of a package the web UI vendors from npm into
# api-service's static files, with its licence and version: hls.js (the HLS player the
# watch page uses where the browser has Media Source Extensions) or tus-js-client (the
# tus reference client the web UI uploads with).
# Usage: scripts/update-vendored-js.sh hls.js|tus-js-client [VERSION]
#        (default VERSION: the one vendored now, from static/vendor/PACKAGE.VERSION)
set -eu
usage="usage: $0 hls.js|tus-js-client [VERSION]"
package=${1:-}
case "$package" in
hls.js) bundle=hls.min.js ;;
tus-js-client) bundle=tus.min.js ;;
*) echo "$usage" >&2; exit 2 ;;
esac
root=$(cd "$(dirname "$0")/.." && pwd)
vendor="$root/api-service/src/main/resources/static/vendor"
version=${2:-$(cat "$vendor/$package.VERSION")}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "$package@$version" > /dev/null && tar xzf "$package-$version.tgz")
mkdir -p "$vendor"
cp "$work/package/dist/$bundle" "$vendor/$bundle"
cp "$work/package/LICENSE" "$vendor/$package.LICENSE"
echo "$version" > "$vendor/$package.VERSION"
echo "$package $version is in $vendor" >&2
