#!/usr/bin/env bash
# Screenings per second in-process: JMH over eligibility-service's rules (ScreeningBenchmark in its test sources).
# Not part of `./mvnw verify`: the benchmark is compiled with the tests, and only this script runs it.
# Usage: bench/eligibility/run-jmh.sh [JMH options]   e.g.  -t 2  (threads)   -f 2 (forks)   -wi 5 -i 10
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/lib.sh
use_jdk

install_shared_modules
bench_mvn -pl eligibility-service test-compile
bench_mvn -pl eligibility-service dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
classpath="eligibility-service/target/test-classes:eligibility-service/target/classes:$(cat eligibility-service/target/bench-classpath.txt)"

exec java -cp "$classpath" org.openjdk.jmh.Main ScreeningBenchmark "$@"
