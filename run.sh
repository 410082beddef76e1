#!/bin/sh
# The whole site with one command on a machine with only a JDK 17+: builds the jars when
# they are missing or older than the sources, then starts the launcher (embedded MariaDB,
# api-service, stream-service, scheduler-service). Ctrl-C stops everything.
# Data lives in ./data (override with VIDEO_DATA_DIR); set SPRING_DATASOURCE_URL (and
# _USERNAME/_PASSWORD) to use your own MySQL/MariaDB instead of the embedded one.
set -e
cd "$(dirname "$0")"
launcher=launcher/target/launcher.jar
build=no
for module in api-service stream-service scheduler-service; do
	[ -f "$module/target/$module-1.0.0-SNAPSHOT.jar" ] || build=yes
done
if [ "$build" = no ] && [ -f "$launcher" ]; then
	newer=$(find pom.xml db shared api-service stream-service scheduler-service launcher \
		-path '*/target' -prune -o -type f -newer "$launcher" -print 2>/dev/null | head -n 1)
	[ -z "$newer" ] || build=yes
else
	build=yes
fi
if [ "$build" = yes ]; then
	echo "Building the site (the first build downloads Maven and the dependencies: a few minutes)..."
	./mvnw -q -B package -DskipTests
fi
exec java -jar "$launcher" "$@"
