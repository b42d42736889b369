#!/usr/bin/env bash
# Waits until the local stack's three services together use less than 0.35 cores for 3 s in a row: the work a
# benchmark left behind (assessments, deadlines, notifications) is done. Put it after a benchmark inside
# bench/cpu-by-process.sh to count that work too:
#
#   bench/cpu-by-process.sh bash -c 'java … WriteBenchmark …; bench/await-quiet.sh'
#
# Gives up after 300 s. Prints how long it waited.
set -euo pipefail
ticks() {
  local total=0 p
  # the services' JVMs only (java … -jar …/case-service.jar), not a Maven build of their modules
  for p in $(pgrep -f -- '-jar [^ ]*/(case-service|eligibility-service|notification-service)\.jar' || true); do
    read -r -a stat < "/proc/$p/stat" 2>/dev/null || continue
    total=$(( total + stat[13] + stat[14] ))
  done
  echo "$total"
}
hz=$(getconf CLK_TCK); quiet=0; start=$SECONDS
while (( quiet < 3 && SECONDS - start < 300 )); do
  before=$(ticks); sleep 1; after=$(ticks)
  if (( (after - before) * 100 < 35 * hz )); then quiet=$((quiet + 1)); else quiet=0; fi
done
echo "quiet after $((SECONDS - start)) s"
