#!/usr/bin/env bash
# How long the caseworker UI's Today page takes to load when the organization has many cases (issue 8).
#
#   bench/today-page.sh [cases] [runs]          e.g. bench/today-page.sh 10000 20
#
# Needs the local stack: it starts `./haven up --detach` when nothing answers on $HAVEN_URL and stops it again
# at the end. Opens cases for org-a through the public API until it has [cases] (default 10000), waits until
# their assessments, deadlines and notifications are done, then loads /today [runs] times (default 20) in
# Debian's headless Chromium, signed in as caseworker-a, and prints each load and the median, p90 and max:
# the time from navigation start until the deadlines and notifications are on screen.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CASES="${1:-10000}"
RUNS="${2:-20}"
HAVEN_URL="${HAVEN_URL:-http://localhost:${HAVEN_PORT:-8080}}"
API_KEY="${HAVEN_API_KEY:-hvn_dev_a_caseworker}"

source "$ROOT/bench/lib.sh"
use_jdk
command -v chromium >/dev/null && command -v chromedriver >/dev/null || {
  echo "needs chromium and chromedriver: apt-get install -y --no-install-recommends chromium chromium-driver" >&2; exit 1; }

started_stack=false
if ! curl -fsS "$HAVEN_URL/actuator/health" >/dev/null 2>&1; then
  "$ROOT/haven" up --detach
  started_stack=true
fi
trap '$started_stack && "$ROOT/haven" down' EXIT

# Selenium and its dependencies, as the browser tests use them.
classpath="$ROOT/bench/target/ui-classpath.txt"
mkdir -p "$ROOT/bench/target"
install_shared_modules
bench_mvn -pl deploy -Dhaven.deploy.standalone dependency:build-classpath \
   -Dmdep.includeScope=test -Dmdep.outputFile="$classpath"
run() { java -cp "$(cat "$classpath")" "$ROOT/bench/ui/TodayPageLoad.java" "$@"; }

echo "== Seeding org-a to $CASES cases through $HAVEN_URL"
run seed "$HAVEN_URL" "$API_KEY" "$CASES"
echo "== Waiting for assessments, deadlines and notifications to settle"
run settle "$HAVEN_URL" "$API_KEY"
echo "== GET /api/deadlines and /api/notifications through the gateway (curl, 5 each)"
for i in 1 2 3 4 5; do
  curl -s -o /dev/null -H "X-API-Key: $API_KEY" -w "deadlines %{time_total}s %{size_download} bytes\n" "$HAVEN_URL/api/deadlines?within=P30D&limit=200"
  curl -s -o /dev/null -H "X-API-Key: $API_KEY" -w "notifications %{time_total}s %{size_download} bytes\n" "$HAVEN_URL/api/notifications?unread=true&limit=50"
done
echo "== Loading /today $RUNS times in headless Chromium"
run measure "$HAVEN_URL" caseworker-a "$RUNS"
