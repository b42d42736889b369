#!/usr/bin/env bash
# Screenings per second through the gateway: assumes `./haven up` is running (gateway on http://localhost:8080).
# Load driver: LoadDriver.java beside this script (JDK HttpClient on virtual threads, closed loop), not wrk.
#
# Usage: bench/eligibility/run-http.sh [--url=http://localhost:8080] [--api-key=hvn_dev_a_caseworker]
#                                      [--concurrency=16] [--warmup=10] [--duration=30] [--body=file.json]
#        bench/eligibility/run-http.sh --direct --url=http://localhost:8082
#          measures eligibility-service alone, with a locally minted identity token instead of the gateway.
# Only loopback targets are accepted; the run is bounded in time and requests.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
exec "$JAVA_HOME/bin/java" "$here/LoadDriver.java" --body="$here/screening.json" "$@"
