#!/bin/sh
# Makes Podman usable for deploy/compose-smoke.sh on a Debian 12 machine, as root:
# installs podman, podman-compose, runc and debootstrap when missing, and configures the
# engine for machines where crun and the default ulimits are refused (runc, no ulimits).
# Idempotent; prints what it did.
set -eu
if [ "$(id -u)" -ne 0 ]; then
	echo "podman-setup: run as root" >&2
	exit 2
fi
missing=""
for tool in podman podman-compose runc debootstrap; do
	command -v "$tool" > /dev/null 2>&1 || missing="$missing $tool"
done
if [ -n "$missing" ]; then
	echo "podman-setup: installing$missing"
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq podman podman-compose runc debootstrap > /dev/null
fi
conf=/etc/containers/containers.conf
if ! grep -qs '^runtime = "runc"' "$conf"; then
	echo "podman-setup: writing $conf (runtime runc, no default ulimits)"
	mkdir -p /etc/containers
	cat > "$conf" << 'CONF'
[containers]
default_ulimits = []

[engine]
runtime = "runc"
CONF
fi
podman --version
