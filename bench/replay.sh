#!/usr/bin/env bash
# Replay rate of the case-summary projection: events/s of POST /api/audit/replays over N stored events.
#
#   bench/replay.sh [events]        e.g. bench/replay.sh 100000   (default 100000)
#
# Runs case-service's ReplayBench (a test-scope driver that ./mvnw verify never runs) on a database of its own
# in the embedded PostgreSQL and Kafka (Testcontainers where Docker answers): seeds N events, lets the live
# projection catch up, rebuilds the projection through the API, checks the rebuilt tables equal the live ones,
# and prints the timings (also left in case-service/target/replay-bench.txt).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
EVENTS="${1:-100000}"

source "$ROOT/bench/lib.sh"
use_jdk

cd "$ROOT"
rm -f case-service/target/replay-bench.txt
install_shared_modules
bench_mvn -f case-service/pom.xml test -Dtest=ReplayBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dhaven.bench.events="$EVENTS" > "${TMPDIR:-/tmp}/replay-bench.log" 2>&1 \
  || { tail -50 "${TMPDIR:-/tmp}/replay-bench.log"; exit 1; }
cat case-service/target/replay-bench.txt
