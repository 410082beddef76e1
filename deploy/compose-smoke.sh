#!/bin/bash
# Brings the whole site up with docker-compose.yml and drives it through its one front
# (the only published port) like a user: register, create, upload, range-GET, delete,
# file gone. Then tears it down (volumes too). Works with Podman (podman-compose, local
# base images built by base-images.sh) or Docker (docker compose, registry images unless
# overridden).
#
#   deploy/compose-smoke.sh            # engine auto-detected; COMPOSE_ENGINE=podman|docker
#   KEEP=1 deploy/compose-smoke.sh     # leave the site running afterwards
#
# Bounded in time: SMOKE_TIMEOUT (default 420 s) for the site to become ready.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
started=$(date +%s)
project=${COMPOSE_PROJECT_NAME:-video-smoke}
port=${VIDEO_PORT:-8000}
export VIDEO_PORT=$port
export VIDEO_IMAGE_PREFIX=${VIDEO_IMAGE_PREFIX:-localhost/video} VIDEO_IMAGE_TAG=${VIDEO_IMAGE_TAG:-latest}
# The one public host: the api-service at its root, the stream-service under /stream/.
export API_URL=http://127.0.0.1:$port STREAM_URL=http://127.0.0.1:$port/stream
work=$(mktemp -d)
export VIDEO_SESSION_FILE=$work/session

log() { echo "compose-smoke [$(($(date +%s) - started))s]: $*"; }
fail() { log "FAILED: $*"; exit 1; }

engine=${COMPOSE_ENGINE:-}
if [ -z "$engine" ]; then
	if command -v podman > /dev/null && command -v podman-compose > /dev/null; then
		engine=podman
	elif docker compose version > /dev/null 2>&1; then
		engine=docker
	else
		echo "compose-smoke: needs podman + podman-compose, or docker compose" >&2
		exit 2
	fi
fi
if [ "$engine" = podman ]; then
	compose=(podman-compose -p "$project")
	build_format=(--format docker)
	# No registry here: local base images stand in for mysql:8.4, eclipse-temurin and nginx.
	export MYSQL_IMAGE=${MYSQL_IMAGE:-localhost/video-mariadb:10.11}
	export NGINX_IMAGE=${NGINX_IMAGE:-localhost/video-nginx:1.22}
	export JRE_IMAGE=${JRE_IMAGE:-localhost/video-jre:17}
	deploy/base-images.sh
else
	compose=(docker compose -p "$project")
	build_format=()
fi

[ -s deploy/compose.env ] || deploy/compose-env.sh

# --- images: the jars CI has just built (JAR_FROM=context), else build them
for module in api-service stream-service scheduler-service; do
	[ -f "$module/target/$module-1.0.0-SNAPSHOT.jar" ] || { log "building the jars"; ./mvnw -B -q package -DskipTests; break; }
done
declare -A ports=([api-service]=8000 [stream-service]=9000 [scheduler-service]=9001)
declare -A management_ports=([api-service]=8081 [stream-service]=9081 [scheduler-service]=9082)
for module in api-service stream-service scheduler-service; do
	log "building image $VIDEO_IMAGE_PREFIX/$module:$VIDEO_IMAGE_TAG"
	"$engine" build -q "${build_format[@]}" --build-arg MODULE="$module" --build-arg PORT="${ports[$module]}" \
		--build-arg MANAGEMENT_PORT="${management_ports[$module]}" \
		--build-arg JRE_IMAGE="${JRE_IMAGE:-eclipse-temurin:17-jre}" --build-arg JAR_FROM=context \
		--build-arg BUILD_IMAGE="${JRE_IMAGE:-eclipse-temurin:17-jre}" \
		-t "$VIDEO_IMAGE_PREFIX/$module:$VIDEO_IMAGE_TAG" . > /dev/null
done
"$engine" images --format '{{.Repository}}:{{.Tag}} {{.Size}}' | grep -E "^$VIDEO_IMAGE_PREFIX/" || true

cleanup() {
	status=$?
	if [ "$status" -ne 0 ]; then
		for service in db api stream scheduler front; do
			log "last lines of $service:"
			container=$(container_of "$service")
			[ -z "$container" ] || "$engine" logs --tail 40 "$container" 2>&1 | cut -c1-400 || true
		done
	fi
	if [ -z "${KEEP:-}" ]; then
		"${compose[@]}" down -v > /dev/null 2>&1 || true
	fi
	rm -rf "$work"
	log "done in $(($(date +%s) - started))s, exit $status"
}
trap cleanup EXIT

"${compose[@]}" down -v > /dev/null 2>&1 || true
log "starting the site ($engine)"
"${compose[@]}" up -d --no-build > "$work/up.log" 2>&1 || { cat "$work/up.log"; fail "compose up"; }

# The engine's own exec (compose exec differs between tools, and podman-compose prints
# its podman command lines on stdout).
container_of() {
	"$engine" ps -q --filter "label=com.docker.compose.project=$project" \
		--filter "label=com.docker.compose.service=$1" | head -n 1
}
in_container() {
	local container
	container=$(container_of "$1")
	[ -n "$container" ] || { log "no running container for $1"; return 1; }
	"$engine" exec "$container" "${@:2}"
}

# Readiness is on each container's management port, which compose does not publish: ask
# it from inside, with the image's own health check.
deadline=$(($(date +%s) + ${SMOKE_TIMEOUT:-420}))
for service in api stream scheduler; do
	until in_container "$service" /app/healthcheck.sh > /dev/null 2>&1; do
		[ "$(date +%s)" -lt "$deadline" ] || fail "$service not ready in time"
		sleep 3
	done
	log "$service is ready"
done
code=$(curl -s -o /dev/null -w '%{http_code}' "$API_URL/actuator/health") || true
[ "$code" = 404 ] || fail "the Actuator answers $code on the published api port"
log "the legacy probe path answers: $(curl -fsS "$API_URL/api/v1/healthz"); /actuator is not published"

config=$(curl -fsS "$API_URL/ui/config") || fail "GET /ui/config"
case "$config" in
*"\"stream_url\":\"$STREAM_URL\""*) log "the web UI finds the stream-service on its own host: $STREAM_URL" ;;
*) fail "the web UI is sent elsewhere for the stream-service: $config" ;;
esac

# --- as a user, through the front, with the scripts users run
user="smoke$(date +%s)"
export VIDEO_PASSWORD=smoke-password-1
scripts/register.sh "$user" > /dev/null || fail "register"
log "registered $user"
movie=$work/movie.mp4
cp e2e-tests/src/test/resources/clip.mp4 "$movie" # a real MP4: uploads are checked box by box
video=$(scripts/upload.sh "$movie" "smoke movie") || fail "create + upload"
log "created and uploaded video $video ($(wc -c < "$movie") bytes)"
scripts/list.sh "$user" | grep -q "$video" || fail "the new video is not in the user's list"

curl -fsS -o "$work/part" -D "$work/headers" -H 'Range: bytes=100-1099' "$STREAM_URL/videos/$video" || fail "range GET"
grep -qi '^HTTP/[0-9.]* 206' "$work/headers" || fail "range GET did not answer 206: $(head -1 "$work/headers")"
grep -qi "^content-range: bytes 100-1099/$(wc -c < "$movie")" "$work/headers" || fail "wrong Content-Range"
cmp -s "$work/part" <(tail -c +101 "$movie" | head -c 1000) || fail "range GET returned other bytes"
log "range GET answered 206 with the right 1000 bytes"
in_container stream test -f "/data/videos/$video" || fail "the file is not in the shared video volume"

scripts/delete.sh "$video" > /dev/null || fail "delete"
log "deleted $video; waiting for the scheduler to remove its file"
for _ in $(seq 1 40); do
	present=$(in_container scheduler sh -c "test -e /data/videos/$video && echo present || echo gone") || true
	if [ "$present" = gone ]; then
		status=$(curl -s -o /dev/null -w '%{http_code}' "$STREAM_URL/videos/$video")
		[ "$status" = 404 ] || fail "GET of a deleted video answered $status"
		log "file gone, GET answers 404"
		log "PASSED"
		exit 0
	fi
	sleep 1.5
done
fail "the scheduler did not delete /data/videos/$video within 60 s"
