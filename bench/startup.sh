#!/usr/bin/env bash
# Seconds from `./haven up` to healthy (issue 9, benchmark 5), with and without the JDK start-up caches:
#
#   bench/startup.sh [runs]        default 3
#
# Uses a data directory of its own (a fresh one, removed at the end) on the default ports, so nothing else may run
# there. First start: PostgreSQL's initdb, Kafka's format, and the training of the start-up caches (once per build).
# Then `runs` restarts without the caches (--no-startup-cache) and `runs` with them, alternating, each stopped
# before the next. Prints each start's "Haven is healthy after" from the launcher's log, and the medians.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${1:-3}"
source "$ROOT/bench/lib.sh"
use_jdk

if curl -fsS -o /dev/null "http://localhost:${HAVEN_PORT:-8080}/actuator/health" 2>/dev/null; then
  echo "a stack already answers on port ${HAVEN_PORT:-8080}; stop it first (./haven down)" >&2
  exit 1
fi
export HAVEN_DATA; HAVEN_DATA="$(mktemp -d /tmp/haven-startup.XXXXXX)"
trap '"$ROOT/haven" down >/dev/null 2>&1 || true; rm -rf "$HAVEN_DATA"' EXIT

start() { # <label> [up options...]: one start and stop; prints the label and the seconds to healthy
  local label="$1"; shift
  "$ROOT/haven" up --detach "$@" >/dev/null
  local healthy trained
  healthy="$(sed -n 's/.*Haven is healthy after \([0-9.]*\) s.*/\1/p' "$HAVEN_DATA/logs/haven.log" | tail -1)"
  trained="$(sed -n 's/.*Start-up caches trained after \([0-9]*\) s.*/\1/p' "$HAVEN_DATA/logs/haven.log" | tail -1)"
  "$ROOT/haven" down >/dev/null
  echo "$label $healthy ${trained:+(of which training the caches $trained s)}"
}

echo "== First start on a fresh data directory (builds what is missing)"
start first
echo "== Restarts"
results="$(mktemp)"
for ((i = 1; i <= RUNS; i++)); do
  start without-cache --no-build --no-startup-cache | tee -a "$results"
  start with-cache --no-build | tee -a "$results"
done
median() { grep "^$1 " "$results" | awk '{ print $2 }' | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
echo
echo "| start | seconds to healthy, median of $RUNS |"
echo "|---|---|"
echo "| restart without the start-up caches | $(median without-cache) |"
echo "| restart with them | $(median with-cache) |"
rm -f "$results"
