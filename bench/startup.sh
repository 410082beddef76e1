#!/usr/bin/env bash
# Time to ready of each service started alone, and of the whole site through the launcher:
# milliseconds from the JVM's start until the management port's
# /actuator/health/readiness answers 200 (median, min, max of RUNS starts), for each way of
# starting the JVM:
#   jdk17          java -jar <module>.jar
#   jdk17-cds      the extracted jar with an AppCDS archive (Spring Boot's "CDS" docs)
#   jdk17-cds-aot  the same with Spring's AOT mode (-Dspring.aot.enabled=true: the bean
#                  definitions the build generated), as ./run.sh and the images start
#   jdk25          the same jar on JDK 25 (the bytecode stays Java 17)
#   jdk25-aot      the extracted jar with JDK 25's AOT cache (-XX:AOTCache) and Spring's
#                  AOT mode, as ./run.sh starts on JDK 25
#   image          the service's container image (its AppCDS archive made at build time and
#                  Spring's AOT mode, the Dockerfile's entrypoint), run by ENGINE (podman or
#                  docker) on the host's network: from the engine's "run" to ready. The
#                  images are those deploy/compose-smoke.sh builds (IMAGE_PREFIX, default
#                  localhost/video, tag IMAGE_TAG, default latest); not in the default list.
# The archives come from one training run per service that stops right after the context
# refreshed (-Dspring.context.exit=onRefresh), in the mode that the timed starts use.
# SCHEMA=current (the default) times restarts against a database that is up to date, as
# every start but a site's very first one is: one untimed start per row migrates a fresh
# database first. SCHEMA=empty times first starts, each on an empty database that it
# migrates (the schema's migrations then take part of the time).
#
#   bench/startup.sh
#   RUNS=5 VARIANTS="jdk17 jdk17-cds" SERVICES=api-service bench/startup.sh
#   SITE=no bench/startup.sh
#
# Needs java 17+ (JAVA17, default: java on the PATH), optionally JDK 25 (JAVA25, default
# /usr/lib/jvm/temurin-25-jdk-amd64/bin/java; its variants are skipped when missing),
# curl, mysql (client) and a MySQL/MariaDB server (DB_HOST/DB_PORT/DB_USER/DB_PASSWORD,
# default root@127.0.0.1:3306; a throw-away database per start is created and dropped).
# Builds the jars only when they are missing. Work files live in target/startup-bench.
set -euo pipefail

RUNS=${RUNS:-3}
SCHEMA=${SCHEMA:-current}
SERVICES=${SERVICES:-api-service stream-service scheduler-service}
VARIANTS=${VARIANTS:-jdk17 jdk17-cds jdk17-cds-aot jdk25 jdk25-aot}
SITE=${SITE:-yes}
JAVA17=${JAVA17:-$(command -v java)}
JAVA25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
DB_HOST=${DB_HOST:-127.0.0.1}
DB_PORT=${DB_PORT:-3306}
DB_USER=${DB_USER:-root}
DB_PASSWORD=${DB_PASSWORD:-}
PORT_BASE=${PORT_BASE:-18900}
# Spring's AOT mode: needs the classes that each service's build generates (process-aot).
SPRING_AOT=-Dspring.aot.enabled=true
ENGINE=${ENGINE:-$(command -v podman >/dev/null && echo podman || echo docker)}
IMAGE_PREFIX=${IMAGE_PREFIX:-localhost/video}
IMAGE_TAG=${IMAGE_TAG:-latest}
# Extra JVM options for every start, e.g. EXTRA_OPTS=-Dspring.main.lazy-initialization=true
EXTRA_OPTS=${EXTRA_OPTS:-}

cd "$(dirname "$0")/.."
for tool in curl mysql; do
	command -v "$tool" >/dev/null || { echo "Missing $tool (Debian: apt-get install -y curl mariadb-client)" >&2; exit 1; }
done
WORK=$PWD/target/startup-bench
mkdir -p "$WORK"
jar_of() { echo "$1/target/$1-1.0.0-SNAPSHOT.jar"; }
for module in $SERVICES; do
	[[ -f "$(jar_of "$module")" ]] || ./mvnw -B -q -pl "$module" -am package -DskipTests
done
if [[ "$SITE" == yes && ! -f launcher/target/launcher.jar ]]; then
	./mvnw -B -q -pl launcher -am package -DskipTests
fi

mysql_do() { mysql --host="$DB_HOST" --port="$DB_PORT" --user="$DB_USER" ${DB_PASSWORD:+--password="$DB_PASSWORD"} "$@"; }
PID=
DB=
cleanup() {
	[[ -n "$PID" ]] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true
	[[ -n "$DB" ]] && mysql_do -e "DROP DATABASE IF EXISTS $DB" || true
}
trap cleanup EXIT
fresh_db() {
	DB="video_bench_start_$(date +%s%N)_$$"
	mysql_do -e "CREATE DATABASE $DB"
}
drop_db() {
	mysql_do -e "DROP DATABASE IF EXISTS $DB"
	DB=
}
now_ms() { date +%s%3N; }

# Replaces the calling (sub)shell with a service's JVM (java, then its options) on the
# benchmark's ports and the current database: call it in the background or in a subshell,
# so that $! is the JVM's own pid.
service_jvm() {
	local java=$1
	shift
	# shellcheck disable=SC2086 # EXTRA_OPTS is a list of JVM options
	SERVER_PORT=$PORT_BASE MANAGEMENT_SERVER_PORT=$((PORT_BASE + 81)) VIDEO_DIR="$WORK/videos" \
		VIDEO_INTERNAL_TOKEN=startup-bench-token-0123456789abcdef \
		SPRING_DATASOURCE_URL="jdbc:mysql://$DB_HOST:$DB_PORT/$DB" SPRING_DATASOURCE_USERNAME="$DB_USER" \
		SPRING_DATASOURCE_PASSWORD="$DB_PASSWORD" exec "$java" $EXTRA_OPTS "$@"
}

# Replaces the calling (sub)shell with the engine running a service's image, configured as
# service_jvm configures the JVM (JAVA_OPTS stays the image's own); the readiness loop
# stands in for the image's health check.
image_run() {
	local module=$1
	exec "$ENGINE" run --rm --name "startup-bench-$module" --network host --no-healthcheck \
		-e SERVER_PORT=$PORT_BASE -e MANAGEMENT_SERVER_PORT=$((PORT_BASE + 81)) \
		-e VIDEO_INTERNAL_TOKEN=startup-bench-token-0123456789abcdef \
		-e SPRING_DATASOURCE_URL="jdbc:mysql://$DB_HOST:$DB_PORT/$DB" -e SPRING_DATASOURCE_USERNAME="$DB_USER" \
		-e SPRING_DATASOURCE_PASSWORD="$DB_PASSWORD" "$IMAGE_PREFIX/$module:$IMAGE_TAG"
}

# Stops the started JVM (or launcher), drops its database and prints the given result.
stop_and_report() {
	kill "$PID" 2>/dev/null || true
	wait "$PID" 2>/dev/null || true
	PID=
	[[ "$SCHEMA" == empty ]] && drop_db
	echo "$1"
}

# Runs one service (the command after the module: service_jvm <java> <options>, or
# image_run <module>) against the current database and prints its milliseconds to ready
# (or "fail"); the service is stopped afterwards.
start_once() {
	local module=$1
	shift
	[[ "$SCHEMA" == empty ]] && fresh_db
	local log="$WORK/$module.log" ready="http://127.0.0.1:$((PORT_BASE + 81))/actuator/health/readiness"
	local start
	start=$(now_ms)
		"$@" >"$log" 2>&1 &
	PID=$!
	local result=fail
	for _ in $(seq 1 1200); do
		if curl -sf -o /dev/null "$ready"; then
			result=$(($(now_ms) - start))
			break
		fi
		kill -0 "$PID" 2>/dev/null || break
		sleep 0.02
	done
	stop_and_report "$result"
	[[ $1 == image_run ]] && "$ENGINE" rm -f "startup-bench-$module" >/dev/null 2>&1
	return 0
}

# Trains an archive: the service starts, refreshes its context and exits.
train() {
	local module=$1 java=$2
	shift 2
	fresh_db
		(service_jvm "$java" -Dspring.context.exit=onRefresh "$@") >"$WORK/$module-train.log" 2>&1 || true
	drop_db
}

# The options of one variant for one module (training the archive when the variant has one).
options() {
	local module=$1 variant=$2 jar dir
	jar=$(jar_of "$module")
	dir="$WORK/$module-extracted"
	case $variant in
	jdk17 | jdk25) echo "-jar $jar" ;;
	jdk17-cds | jdk17-cds-aot)
		local spring=
		[[ $variant == *-aot ]] && spring=$SPRING_AOT
		rm -rf "$dir" && "$JAVA17" -Djarmode=tools -jar "$jar" extract --destination "$dir" >/dev/null
		# shellcheck disable=SC2086 # $spring is one option or none
		train "$module" "$JAVA17" $spring -XX:ArchiveClassesAtExit="$dir/app.jsa" -jar "$dir/$(basename "$jar")"
		echo "$spring -XX:SharedArchiveFile=$dir/app.jsa -Xlog:cds=off -Xlog:cds+dynamic=off -jar $dir/$(basename "$jar")"
		;;
	jdk25-aot)
		rm -rf "$dir" && "$JAVA25" -Djarmode=tools -jar "$jar" extract --destination "$dir" >/dev/null
		train "$module" "$JAVA25" "$SPRING_AOT" -XX:AOTCacheOutput="$dir/app.aot" -jar "$dir/$(basename "$jar")"
		echo "$SPRING_AOT -XX:AOTCache=$dir/app.aot -jar $dir/$(basename "$jar")"
		;;
	*) return 1 ;;
	esac
}

java_of() { case $1 in jdk25*) echo "$JAVA25" ;; *) echo "$JAVA17" ;; esac; }

# median min max of the numbers given
stats() { printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END {printf "%6d %6d %6d", v[int((NR+1)/2)], v[1], v[NR]}'; }

echo "# bench/startup.sh $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# java 17: $("$JAVA17" -version 2>&1 | head -n 1)"
[[ -x "$JAVA25" ]] && echo "# java 25: $("$JAVA25" -version 2>&1 | head -n 1)"
echo "# schema: $SCHEMA, runs: $RUNS, extra options: ${EXTRA_OPTS:-none}"
printf '%-18s %-14s %6s %6s %6s  %s\n' service variant median min max "ms to ready, each start"
for variant in $VARIANTS; do
	if [[ $variant == image ]]; then
		command -v "$ENGINE" >/dev/null || { echo "# image skipped: no $ENGINE"; continue; }
	else
		java=$(java_of "$variant")
		[[ -x "$java" ]] || { echo "# $variant skipped: no $java"; continue; }
	fi
	for module in $SERVICES; do
		if [[ $variant == image ]]; then
			"$ENGINE" image inspect "$IMAGE_PREFIX/$module:$IMAGE_TAG" >/dev/null 2>&1 ||
				{ echo "# image: no $IMAGE_PREFIX/$module:$IMAGE_TAG (deploy/compose-smoke.sh builds it)"; continue; }
			run=(image_run "$module")
		else
			opts=$(options "$module" "$variant") || { echo "# $variant: no such variant"; break; }
			# shellcheck disable=SC2206 # opts is a list of JVM options
			run=(service_jvm "$java" $opts)
		fi
		times=()
		if [[ "$SCHEMA" == current ]]; then
			fresh_db
			start_once "$module" "${run[@]}" >/dev/null
		fi
		for _ in $(seq 1 "$RUNS"); do
			times+=("$(start_once "$module" "${run[@]}")")
		done
		if printf '%s\n' "${times[@]}" | grep -q fail; then
			printf '%-18s %-14s %s\n' "$module" "$variant" "failed (${times[*]}); see $WORK/$module.log"
		else
			printf '%-18s %-14s %s  %s\n' "$module" "$variant" "$(stats "${times[@]}")" "${times[*]}"
		fi
		[[ "$SCHEMA" == current ]] && drop_db
	done
done

# The whole site: ./run.sh's launcher against a fresh database, until all three are ready;
# first with the services' class archives set aside (the first start after a build), then
# with the archives that the launcher trains in the background after a start.
ARCHIVES="api-service/target/startup-archive stream-service/target/startup-archive scheduler-service/target/startup-archive"
site_once() {
	[[ "$SCHEMA" == empty ]] && fresh_db
	local start result=fail
	start=$(now_ms)
	VIDEO_DATA_DIR="$WORK/site-data" SPRING_DATASOURCE_URL="jdbc:mysql://$DB_HOST:$DB_PORT/$DB" \
		SPRING_DATASOURCE_USERNAME="$DB_USER" SPRING_DATASOURCE_PASSWORD="$DB_PASSWORD" \
		VIDEO_LAUNCHER_API_PORT=$((PORT_BASE + 10)) VIDEO_LAUNCHER_STREAM_PORT=$((PORT_BASE + 11)) \
		VIDEO_LAUNCHER_SCHEDULER_PORT=$((PORT_BASE + 12)) \
		VIDEO_LAUNCHER_API_MANAGEMENT_PORT=$((PORT_BASE + 20)) \
		VIDEO_LAUNCHER_STREAM_MANAGEMENT_PORT=$((PORT_BASE + 21)) \
		VIDEO_LAUNCHER_SCHEDULER_MANAGEMENT_PORT=$((PORT_BASE + 22)) \
		"$JAVA17" -jar launcher/target/launcher.jar >"$WORK/site.log" 2>&1 &
	PID=$!
	for _ in $(seq 1 3000); do
		if curl -sf -o /dev/null "http://127.0.0.1:$((PORT_BASE + 20))/actuator/health/readiness" &&
			curl -sf -o /dev/null "http://127.0.0.1:$((PORT_BASE + 21))/actuator/health/readiness" &&
			curl -sf -o /dev/null "http://127.0.0.1:$((PORT_BASE + 22))/actuator/health/readiness"; then
			result=$(($(now_ms) - start))
			break
		fi
		kill -0 "$PID" 2>/dev/null || break
		sleep 0.05
	done
	# With TRAIN=yes the launcher may finish its archives (up to 10 minutes: JDK 25 writes its AOT
	# caches one service after another, about a minute each on 2 cores) before it stops.
	if [[ "${TRAIN:-no}" == yes ]]; then
		for _ in $(seq 1 600); do
			[[ $(grep -c "class archive" "$WORK/site.log") -ge 3 ]] && break
			sleep 1
		done
	fi
	stop_and_report "$result"
}
site_row() {
	local label=$1 times=()
	if [[ "$SCHEMA" == current ]]; then
		fresh_db
		site_once >/dev/null
	fi
	for _ in $(seq 1 "$RUNS"); do times+=("$(site_once)"); done
	if printf '%s\n' "${times[@]}" | grep -q fail; then
		echo "site (launcher)    $label failed (${times[*]}); see $WORK/site.log"
	else
		printf '%-18s %-14s %s  %s\n' "site (launcher)" "$label" "$(stats "${times[@]}")" "${times[*]}"
	fi
	[[ "$SCHEMA" == current ]] && drop_db
}
if [[ "$SITE" == yes ]]; then
	rm -rf "$WORK/archives-aside" && mkdir -p "$WORK/archives-aside"
	for dir in $ARCHIVES; do [[ -d "$dir" ]] && mkdir -p "$WORK/archives-aside/$dir" && mv "$dir" "$WORK/archives-aside/$dir/.."; done
	site_row jar
	for dir in $ARCHIVES; do
		rm -rf "$dir"
		[[ -d "$WORK/archives-aside/$dir" ]] && mv "$WORK/archives-aside/$dir" "$dir"
	done
	# Missing archives are trained by one launcher run left up until they are written.
	if [[ $(find $ARCHIVES -name app.jsa -o -name app.aot 2>/dev/null | wc -l) -lt 3 ]]; then
		[[ "$SCHEMA" == current ]] && fresh_db
		TRAIN=yes site_once >/dev/null
		[[ "$SCHEMA" == current ]] && drop_db
	fi
	site_row archived
fi
