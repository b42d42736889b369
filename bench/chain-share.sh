#!/usr/bin/env bash
# How much of the write throughput the work behind the answers takes (issue 9): parole steps on existing cases at
# 16 clients through the gateway, first with everything running, then with eligibility-service and
# notification-service paused (SIGSTOP; resumed at the end, when they work off what Kafka kept for them):
#
#   bench/chain-share.sh [seconds]          default 30; against a running stack (./haven up, rate limit lifted:
#                                           HAVEN_GATEWAY_LIMITS_RATE_REQUESTS_PER_SECOND=100000
#                                           HAVEN_GATEWAY_LIMITS_RATE_BURST=100000)
#
# With them paused a parole step costs only its front path: gateway, case-service (command, event store,
# projection awaited by the answer, relay to Kafka) and PostgreSQL; the eligibility round trip (assessment,
# EligibilityAssessed recorded in the case, deadlines rescheduled) and the notifications are deferred. This is a
# diagnostic, not a way to run Haven: their work is only postponed. Warm the stack up first (WriteBenchmark with
# HAVEN_WARMUP_SECONDS=150 and levels -): the JVMs get faster for minutes after a start.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SECONDS_PER_RUN="${1:-30}"
HAVEN_URL="${HAVEN_URL:-http://localhost:${HAVEN_PORT:-8080}}"
source "$ROOT/bench/lib.sh"
use_jdk
curl -fsS -o /dev/null "$HAVEN_URL/actuator/health" || { echo "nothing answers at $HAVEN_URL; start ./haven up first" >&2; exit 1; }
build_bench

paused=()
trap '(( ${#paused[@]} )) && kill -CONT "${paused[@]}" 2>/dev/null; true' EXIT
parole_steps() { # prints commands/s and latencies of one run
  HAVEN_OPERATIONS=parole HAVEN_WARMUP_SECONDS=2 java -cp "$ROOT/bench/target/bench.jar:$ROOT/bench/target/lib/*" \
    org.haven.bench.WriteBenchmark "$HAVEN_URL" "${HAVEN_API_KEY:-hvn_dev_a_caseworker}" "$SECONDS_PER_RUN" 16 localhost:19092 \
    | grep '^| parole'
}

echo "== everything running"
everything="$(parole_steps)"; echo "$everything"
for jar in eligibility-service notification-service; do
  pid="$(pgrep -f "$jar.jar" | head -1)" || { echo "no $jar running" >&2; exit 1; }
  paused+=("$pid")
done
kill -STOP "${paused[@]}"
echo "== eligibility-service and notification-service paused (pids ${paused[*]})"
front="$(parole_steps)"; echo "$front"
kill -CONT "${paused[@]}"; paused=()
rate() { awk -F'|' '{ gsub(/ /, "", $4); print $4 }' <<< "$1"; }
echo
echo "parole steps/s at 16 clients: $(rate "$everything") with everything, $(rate "$front") with only the front path;" \
  "the work behind the answers takes $(awk -v a="$(rate "$everything")" -v f="$(rate "$front")" 'BEGIN { printf "%.0f", 100 * (1 - a / f) }') % of the throughput"
