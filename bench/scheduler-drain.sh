#!/usr/bin/env bash
# Drains a deletion queue of ROWS videos (each with its file, every tenth with a partial
# upload) with REPLICAS scheduler processes on one fresh database of the local
# MySQL/MariaDB server, and prints the time to drain and the rows per second.
#
#   bench/scheduler-drain.sh                    # 10 000 rows, 3 replicas, default settings
#   ROWS=2000 REPLICAS=2 bench/scheduler-drain.sh
#
# Settings passed through to every replica when set: VIDEO_SCHEDULER_INTERVAL,
# VIDEO_SCHEDULER_BATCH_SIZE, VIDEO_SCHEDULER_CONCURRENCY. Needs java, mysql, curl and
# the scheduler jar (built here when missing). Cleans up after itself.
set -euo pipefail

ROWS=${ROWS:-10000}
REPLICAS=${REPLICAS:-3}
DB_HOST=${DB_HOST:-127.0.0.1}
DB_PORT=${DB_PORT:-3306}
DB_USER=${DB_USER:-root}
DB_PASSWORD=${DB_PASSWORD:-}
FIRST_PORT=${FIRST_PORT:-19101}
TIMEOUT_SECONDS=${TIMEOUT_SECONDS:-300}

cd "$(dirname "$0")/.."
JAR=$(ls scheduler-service/target/scheduler-service-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [[ -z "$JAR" ]]; then
	./mvnw -B -q -o -pl scheduler-service package -DskipTests
	JAR=$(ls scheduler-service/target/scheduler-service-*.jar | grep -v original | head -1)
fi

DB="video_bench_$(date +%s)_$$"
WORK=$(mktemp -d)
VIDEOS="$WORK/videos"
mkdir -p "$VIDEOS"
PIDS=()

sql() {
	MYSQL_PWD="$DB_PASSWORD" mysql -h"$DB_HOST" -P"$DB_PORT" -u"$DB_USER" -N -B "$@"
}

cleanup() {
	for pid in "${PIDS[@]}"; do
		kill "$pid" 2>/dev/null || true
	done
	for pid in "${PIDS[@]}"; do
		wait "$pid" 2>/dev/null || true
	done
	sql -e "DROP DATABASE IF EXISTS $DB" || true
	rm -rf "$WORK"
}
trap cleanup EXIT

now() { date +%s.%N; }

echo "Database $DB, $ROWS rows, $REPLICAS replicas, jar $JAR"
sql -e "CREATE DATABASE $DB CHARACTER SET utf8mb4"

# Start the replicas on the empty database (the first one applies the schema) and wait
# until every one is ready, so that the clock measures draining, not JVM start-up.
for ((i = 0; i < REPLICAS; i++)); do
	SERVER_PORT=$((FIRST_PORT + i)) \
	MANAGEMENT_SERVER_PORT=$((FIRST_PORT + 81 + i)) \
	VIDEO_DIR="$VIDEOS" \
	VIDEO_SCHEDULER_REPLICA_ID="bench-$i" \
	SPRING_DATASOURCE_URL="jdbc:mysql://$DB_HOST:$DB_PORT/$DB?sslMode=DISABLED&allowPublicKeyRetrieval=true" \
	SPRING_DATASOURCE_USERNAME="$DB_USER" \
	SPRING_DATASOURCE_PASSWORD="$DB_PASSWORD" \
		java -Xmx256m -jar "$JAR" > "$WORK/replica-$i.log" 2>&1 &
	PIDS+=($!)
done
deadline=$(( $(date +%s) + 120 ))
for ((i = 0; i < REPLICAS; i++)); do
	until curl -fsS "http://127.0.0.1:$((FIRST_PORT + 81 + i))/actuator/health/readiness" > /dev/null 2>&1; do
		if (( $(date +%s) > deadline )); then
			echo "replica $i did not become ready; its log:"; tail -30 "$WORK/replica-$i.log"; exit 1
		fi
		sleep 0.5
	done
done

# The videos: ids from the database's UUID(), a small file each, a partial upload for
# every tenth; then the whole queue appears in one transaction.
DIGITS="(SELECT 0 d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4
	UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9)"
sql "$DB" -e "CREATE TABLE bench_ids (id CHAR(36) PRIMARY KEY);
	INSERT INTO bench_ids SELECT UUID() FROM $DIGITS a, $DIGITS b, $DIGITS c, $DIGITS d, $DIGITS e
	LIMIT $ROWS;"
n=0
while read -r id; do
	echo "video $id" > "$VIDEOS/$id"
	if (( n++ % 10 == 0 )); then echo partial > "$VIDEOS/$id.bench$n.part"; fi
done < <(sql "$DB" -e "SELECT id FROM bench_ids")
files_before=$(find "$VIDEOS" -type f | wc -l)

start=$(now)
sql "$DB" -e "INSERT INTO video_del_rec (video_id) SELECT id FROM bench_ids"
left=$ROWS
while (( left > 0 )); do
	if (( $(date +%s) > ${start%.*} + TIMEOUT_SECONDS )); then
		echo "not drained after ${TIMEOUT_SECONDS}s: $left rows left"; exit 1
	fi
	sleep 0.1
	left=$(sql "$DB" -e "SELECT COUNT(*) FROM video_del_rec")
done
end=$(now)

files_after=$(find "$VIDEOS" -type f | wc -l)
per_replica=$(for ((i = 0; i < REPLICAS; i++)); do grep -c "Deleted video" "$WORK/replica-$i.log" || true; done | paste -sd/)
awk -v s="$start" -v e="$end" -v rows="$ROWS" -v r="$REPLICAS" -v fb="$files_before" -v fa="$files_after" \
	-v pr="$per_replica" 'BEGIN {
	t = e - s
	printf "drained %d rows (%d files, %d left) with %d replicas in %.2f s: %.0f rows/s (rows per replica %s)\n",
		rows, fb, fa, r, t, rows / t, pr
}'
if (( files_after != 0 )); then echo "FAIL: $files_after files left"; exit 1; fi
