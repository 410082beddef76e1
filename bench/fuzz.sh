#!/usr/bin/env bash
# The full fuzz budget: a million generated inputs for each property of the Range /
# If-Range rules and of the multipart upload parser (the build runs 20 000 of each).
#
#   bench/fuzz.sh                 # 1 000 000 tries each
#   TRIES=5000000 bench/fuzz.sh
#
# Prints the outcome counts of the range property and the time taken.
set -euo pipefail
cd "$(dirname "$0")/.."
TRIES=${TRIES:-1000000}
start=$(date +%s)
./mvnw -B -q -pl shared install -DskipTests
./mvnw -B -pl stream-service test -Dtest='RangeFuzzTests,MultipartFuzzTests' -Dsurefire.failIfNoSpecifiedTests=false \
	-Djqwik.tries.default="$TRIES" -Djqwik.reporting.onlyfailures=false | grep -E 'Tests run:|FAIL' || true
grep -h -A8 'status = \|ranges = \|tries = ' stream-service/target/surefire-reports/*Fuzz*-output.txt | grep -v '^--$' || true
echo "fuzzed $TRIES inputs per property in $(($(date +%s) - start)) s"
