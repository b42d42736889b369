#!/usr/bin/env bash
# The gateway's added latency (issue 7): p50/p90/p99 of the same GET /api/cases/{id}, straight to case-service
# with a minted identity token vs through the gateway with an organization API key; one run.
#
#   bench/gateway/latency.sh [requests]                      e.g. bench/gateway/latency.sh 5000
#
# Against a running stack: HAVEN_URL=http://localhost:8080 HAVEN_CASE_URL=http://localhost:8081 bench/gateway/latency.sh
# Otherwise it starts its own stack on free ports (never touching a `./haven up` on 8080), and stops it at the end.
# Not part of ./mvnw verify. Needs the boot jars and the deploy launcher (built here when missing).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
REQUESTS="${1:-5000}"
source "$ROOT/bench/lib.sh"
use_jdk
cd "$ROOT"

for jar in case-service/target/case-service.jar eligibility-service/target/eligibility-service.jar \
    notification-service/target/notification-service.jar gateway/target/gateway.jar deploy/target/deploy.jar; do
  if [[ ! -f "$jar" ]]; then
    ./mvnw -q -o -DskipTests package 2>/dev/null || ./mvnw -q -DskipTests package
    break
  fi
done

stack_pid=""
if [[ -n "${HAVEN_URL:-}" && -n "${HAVEN_CASE_URL:-}" ]]; then
  GATEWAY="$HAVEN_URL"; CASE="$HAVEN_CASE_URL"
else
  data="$ROOT/target/bench-gateway-stack"
  rm -rf "$data"; mkdir -p "$data"
  java -Dhaven.home="$ROOT" -cp "deploy/target/deploy.jar:deploy/target/lib/*" bench/gateway/StackOnFreePorts.java "$data" \
    > "$data/launcher.log" 2>&1 &
  stack_pid=$!
  trap '[[ -n "$stack_pid" ]] && kill "$stack_pid" 2>/dev/null && wait "$stack_pid" 2>/dev/null || true' EXIT
  for _ in $(seq 1 120); do
    [[ -f "$data/ports.env" ]] && break
    kill -0 "$stack_pid" 2>/dev/null || { cat "$data/launcher.log"; exit 1; }
    sleep 2
  done
  source "$data/ports.env"
  GATEWAY="http://localhost:$GATEWAY_PORT"; CASE="http://localhost:$CASE_PORT"
  echo "stack on free ports: gateway $GATEWAY, case-service $CASE (logs in $data/logs)"
fi

echo "== Unpaced, through organization API keys looked up in the gateway's database"
java bench/gateway/GatewayLatency.java "$GATEWAY" "$CASE" "$REQUESTS"
echo "== Paced at 40 req/s, through the local profile's configured key (no database lookup)"
java bench/gateway/GatewayLatency.java "$GATEWAY" "$CASE" 1000 hvn_dev_a_admin config-key
