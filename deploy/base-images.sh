#!/bin/bash
# Builds the local base images that stand in for registry images on machines that cannot
# pull any (Podman, as root, Debian packages only):
#   localhost/debian:bookworm-min   debootstrap --variant=minbase, imported
#   localhost/video-jre:17          Debian's OpenJDK 17 JRE       (JRE_IMAGE)
#   localhost/video-mariadb:10.11   MariaDB, mysql-image variables (MYSQL_IMAGE)
#   localhost/video-nginx:1.22      Debian's nginx, the compose front (NGINX_IMAGE)
#   localhost/video-jdk:17          with --jdk only                (BUILD_IMAGE)
# Each image is built only when missing (--rebuild forces it). Needs: podman (or docker
# for the last three), debootstrap, and Debian's package mirrors.
set -euo pipefail
cd "$(dirname "$0")/.."
engine=${CONTAINER_ENGINE:-$(command -v podman > /dev/null && echo podman || echo docker)}
rootfs=${VIDEO_ROOTFS_DIR:-/var/tmp/video-server/bookworm-min}
rebuild=no
jdk=no
for arg in "$@"; do
	case "$arg" in
		--rebuild) rebuild=yes ;;
		--jdk) jdk=yes ;;
		*) echo "usage: $0 [--rebuild] [--jdk]" >&2; exit 2 ;;
	esac
done

missing() {
	[ "$rebuild" = yes ] || ! "$engine" image inspect "$1" > /dev/null 2>&1
}

# Podman writes OCI images by default, which drop HEALTHCHECK; Docker's format keeps it.
format=()
if [ "$(basename "$engine")" = podman ]; then
	format=(--format docker)
fi

if missing localhost/debian:bookworm-min; then
	if [ ! -x "$rootfs/bin/sh" ]; then
		echo "base-images: debootstrap bookworm into $rootfs"
		mkdir -p "$(dirname "$rootfs")"
		debootstrap --variant=minbase bookworm "$rootfs" > /dev/null
	fi
	echo "base-images: importing localhost/debian:bookworm-min"
	tar -C "$rootfs" --exclude='./var/cache/apt/archives/*.deb' --exclude='./var/lib/apt/lists/*' -c . \
		| "$engine" import - localhost/debian:bookworm-min > /dev/null
fi

build() {
	local image=$1 dir=$2
	if missing "$image"; then
		echo "base-images: building $image"
		"$engine" build -q "${format[@]}" -t "$image" "$dir" > /dev/null
	fi
}

build localhost/video-jre:17 deploy/images/jre
build localhost/video-mariadb:10.11 deploy/images/mariadb
build localhost/video-nginx:1.22 deploy/images/nginx
if [ "$jdk" = yes ]; then
	build localhost/video-jdk:17 deploy/images/jdk
fi
"$engine" images --format '{{.Repository}}:{{.Tag}} {{.Size}}' | grep -E 'localhost/(debian|video-)' || true
