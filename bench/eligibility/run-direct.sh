#!/usr/bin/env bash
# Screenings per second of eligibility-service alone (no gateway): starts an embedded PostgreSQL, a Kafka broker and
# the service jar on free/local ports, runs LoadDriver with a locally minted identity token, then stops them all.
# Needs eligibility-service/target/eligibility-service.jar and deploy/target/lib (./mvnw -DskipTests package).
# Usage: bench/eligibility/run-direct.sh [LoadDriver options, e.g. --concurrency=16 --duration=30]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
port="${ELIGIBILITY_BENCH_PORT:-18082}"
work="$(mktemp -d /tmp/eligibility-bench.XXXXXX)"

"$JAVA_HOME/bin/java" -cp "$root/deploy/target/lib/*" "$here/ServiceAlone.java" \
  "$work" "$root/eligibility-service/target/eligibility-service.jar" "$port" 900 > "$work/service-alone.out" 2>&1 &
alone=$!
trap 'kill "$alone" 2>/dev/null || true; wait "$alone" 2>/dev/null || true' EXIT

for _ in $(seq 1 400); do
  if grep -q '^ready' "$work/service-alone.out"; then break; fi
  if grep -q '^failed' "$work/service-alone.out" || ! kill -0 "$alone" 2>/dev/null; then
    echo "eligibility-service did not start; see $work" >&2; exit 1
  fi
  sleep 0.5
done
grep -q '^ready' "$work/service-alone.out" || { echo "eligibility-service did not start in time; see $work" >&2; exit 1; }

"$here/run-http.sh" --direct --url="http://localhost:$port" "$@"
