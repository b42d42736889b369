#!/usr/bin/env bash
# How much of a lone request's latency is the machine waking from idle (issue 9, single-client latency):
#
#   bench/idle-latency.sh [url] [requests]      default http://localhost:8081/actuator/health, 10
#
# Times the same GET back to back and with 0.5 s of idle before each, with curl, against a running stack.
set -euo pipefail
URL="${1:-http://localhost:8081/actuator/health}"
N="${2:-10}"
curl -fsS -o /dev/null "$URL" || { echo "nothing answers at $URL; start ./haven up first" >&2; exit 1; }
for i in 1 2 3; do curl -s -o /dev/null "$URL"; done   # warm the connection path
times() { sort -n | awk '{ v[NR] = $1 * 1000 } END { printf "median %.1f ms, min %.1f ms, max %.1f ms (%d requests)\n", v[int((NR + 1) / 2)], v[1], v[NR], NR }'; }
echo -n "back to back:          "
for ((i = 0; i < N; i++)); do curl -s -o /dev/null -w '%{time_total}\n' "$URL"; done | times
echo -n "after 0.5 s idle each: "
for ((i = 0; i < N; i++)); do sleep 0.5; curl -s -o /dev/null -w '%{time_total}\n' "$URL"; done | times
