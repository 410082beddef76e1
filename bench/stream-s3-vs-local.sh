#!/usr/bin/env bash
# The stream-service serving one 256 MiB file from its local directory (zero copy) and
# from S3 (VIDEO_STORE=s3, S3Proxy with its file-system backend on 127.0.0.1, started
# here as a java child process from the Maven repository), loaded with wrk in the same
# run: random 1 MiB Range requests, then whole-file GETs. Prints req/s, MB/s and p99
# latency of each, and the S3/local ratios.
#
#   bench/stream-s3-vs-local.sh
#   DURATION=10s ROUNDS=1 bench/stream-s3-vs-local.sh
#
# Needs java 17+, wrk, curl (7.75+ for --aws-sigv4), mysql (client) and a MySQL/MariaDB
# server (DB_HOST/DB_PORT/DB_USER/DB_PASSWORD, default root@127.0.0.1:3306; a throw-away
# database is created and dropped). Installs nothing; cleans up after itself.
set -euo pipefail
source "$(dirname "$0")/stream-common.sh"
require java wrk curl mysql

SIZE_MIB=${SIZE_MIB:-256}
S3_PORT=${S3_PORT:-19090}
LOCAL_PORT=${LOCAL_PORT:-19000}
S3_STREAM_PORT=${S3_STREAM_PORT:-19001}
BUCKET=videos
KEY=bench-access
SECRET=bench-secret-key

VID=$(cat /proc/sys/kernel/random/uuid)
SIZE=$((SIZE_MIB * 1024 * 1024))
echo "Making a $SIZE_MIB MiB test file"
head -c "$SIZE" /dev/urandom >"$VIDEOS/$VID"

echo "Starting S3Proxy (file-system backend) on 127.0.0.1:$S3_PORT"
./mvnw -B -q -pl shared dependency:build-classpath -Dmdep.includeScope=test \
	-Dmdep.outputFile="$WORK/s3proxy.classpath" >&2
mkdir -p "$WORK/s3"
cat >"$WORK/s3proxy.properties" <<CONF
s3proxy.endpoint=http://127.0.0.1:$S3_PORT
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$KEY
s3proxy.credential=$SECRET
jclouds.provider=filesystem
jclouds.identity=unused
jclouds.credential=unused
jclouds.filesystem.basedir=$WORK/s3
CONF
"$JAVA_BIN" -cp "$(cat "$WORK/s3proxy.classpath")" org.gaul.s3proxy.Main \
	--properties "$WORK/s3proxy.properties" >"$WORK/s3proxy.log" 2>&1 &
PIDS+=("$!")
s3() { # S3Proxy wants the payload hash header, which curl 7.x does not send by itself
	curl -fsS --aws-sigv4 "aws:amz:us-east-1:s3" --user "$KEY:$SECRET" \
		-H "x-amz-content-sha256: UNSIGNED-PAYLOAD" "$@"
}
for _ in $(seq 1 60); do
	s3 -o /dev/null "http://127.0.0.1:$S3_PORT/" 2>/dev/null && break
	sleep 1
done
s3 -X PUT "http://127.0.0.1:$S3_PORT/$BUCKET" -o /dev/null
s3 -T "$VIDEOS/$VID" "http://127.0.0.1:$S3_PORT/$BUCKET/$VID" -o /dev/null

echo "Starting the stream-service twice: local directory on $LOCAL_PORT, S3 on $S3_STREAM_PORT"
STREAM_PORT=$LOCAL_PORT start_stream
LOCAL_PID=$STREAM_PID
STREAM_PORT=$S3_STREAM_PORT start_stream VIDEO_STORE=s3 VIDEO_S3_ENDPOINT="http://127.0.0.1:$S3_PORT" \
	VIDEO_S3_BUCKET=$BUCKET VIDEO_S3_PATH_STYLE=true VIDEO_S3_ACCESS_KEY=$KEY VIDEO_S3_SECRET_KEY=$SECRET \
	VIDEO_S3_STAGING_DIR="$WORK/staging"

compare local "http://127.0.0.1:$LOCAL_PORT/videos/$VID" "$LOCAL_PID" \
	s3 "http://127.0.0.1:$S3_STREAM_PORT/videos/$VID" "$STREAM_PID"
