#!/usr/bin/env bash
# Fuzzing (issue 9), full size: valid and broken requests to every endpoint, through the gateway of a stack of its
# own (free ports, deploy/target/e2e-stack), for a bounded time, from one seed. Fails on any 5xx, any body with a
# stack trace, class name or SQL, any state changed by a refused request, and a projection left behind.
# The same test runs at a small size in ./mvnw verify (deploy's ApiFuzzTest, seed 9, 400 requests).
#
#   bench/fuzz/run.sh [seconds=300] [seed=random]      e.g. bench/fuzz/run.sh 300 9
#
# Prints the table per endpoint (requests, valid, broken, statuses) and writes it to deploy/target/fuzz-report.md.
# Environment: HAVEN_SKIP_BUILD=1 skips building the boot jars; HAVEN_FUZZ_RPS (default 25) paces the requests.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
source "$ROOT/bench/lib.sh"
use_jdk
SECONDS_TO_RUN="${1:-300}"
SEED="${2:-$(( (RANDOM << 15) | RANDOM ))}"

if [[ "${HAVEN_SKIP_BUILD:-}" != 1 ]]; then
  echo "== Building the boot jars"
  ./mvnw -q -o -DskipTests package 2>/dev/null || ./mvnw -q -DskipTests package
fi
echo "== Fuzzing for ${SECONDS_TO_RUN} s with seed ${SEED} (replay: bench/fuzz/run.sh ${SECONDS_TO_RUN} ${SEED})"
status=0
timeout --signal=TERM --kill-after=60 $(( SECONDS_TO_RUN + 900 )) \
  ./mvnw -o -pl case-events,embedded-infra,deploy -Dhaven.deploy.standalone test \
    -Dtest=ApiFuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dhaven.fuzz.seconds="$SECONDS_TO_RUN" -Dhaven.fuzz.requests=1000000 -Dhaven.fuzz.seed="$SEED" \
    -Dhaven.fuzz.rps="${HAVEN_FUZZ_RPS:-25}" -Dhaven.fuzz.replay=true \
  | grep -v -E '^\[INFO\]|^WARNING|^[0-9:.]+ INFO ' || status=$?
[[ -f deploy/target/fuzz-report.md ]] && echo "(report: deploy/target/fuzz-report.md)"
exit "$status"
