#!/bin/bash
# Container health check without curl or wget in the image: one HTTP/1.0 request over
# bash's /dev/tcp to the service's readiness group (Spring Boot Actuator), which listens
# on the management port, not on the service port.
# Usage: healthcheck.sh [path]   (default /actuator/health/readiness, port $MANAGEMENT_SERVER_PORT)
path=${1:-/actuator/health/readiness}
exec 3<>"/dev/tcp/127.0.0.1/${MANAGEMENT_SERVER_PORT:-8081}" || exit 1
printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n' "$path" >&3
read -r -t 3 _ status _ <&3 || exit 1
[ "$status" = 200 ]
