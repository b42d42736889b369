#!/usr/bin/env bash
# Crash tests (issue 9): one command, bounded in time. Starts its own stack on free ports in its own data
# directory (bench/target/faults-stack, never .haven), puts a steady load of writes on it, and injects one fault at a
# time: kill -9 case-service, kill -9 notification-service, kill -9 the Kafka broker, pg_ctl stop -m immediate on
# PostgreSQL, then two instances of case-service and notification-service at once. Each case prints PASS/FAIL with
# counts; the exit status is 0 only when every case passed.
#
#   bench/faults/run.sh [--cases case-service,notification-service,kafka,postgres,two-instances] [--clients 4]
#                       [--pause-ms 150] [--before 8] [--outage 5] [--after 8] [--settle 90] [--budget 900]
#
# Environment: HAVEN_SKIP_BUILD=1 skips the builds (jars already current).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
source "$ROOT/bench/lib.sh"
use_jdk

if [[ "${HAVEN_SKIP_BUILD:-}" != 1 ]]; then
  echo "== Building (offline when possible): the services' boot jars, then the crash-test driver"
  mvn_offline() { ./mvnw -q -o "$@" 2>/dev/null || ./mvnw -q "$@"; }
  mvn_offline -DskipTests package
  build_bench
fi

# The checker reads every accepted case back through the gateway with one API key, far above the 50 requests/s a
# caller may send; the stack started here (its processes inherit this environment) lifts that limit. Rate limits
# are proven by the security suite, not here.
export HAVEN_GATEWAY_LIMITS_RATE_REQUESTS_PER_SECOND=100000 HAVEN_GATEWAY_LIMITS_RATE_BURST=100000
exec timeout --signal=TERM --kill-after=60 1200 \
  java -Dhaven.home="$ROOT" -cp "$ROOT/bench/target/bench.jar:$ROOT/bench/target/lib/*" \
  org.haven.bench.faults.FaultsRun --data "$ROOT/bench/target/faults-stack" "$@"
