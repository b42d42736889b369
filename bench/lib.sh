# Shared by the bench scripts: JDK selection, process footprint, arithmetic.

use_jdk() {
  local chosen
  if chosen="$("$(dirname "${BASH_SOURCE[0]}")/../haven" java-home 2>/dev/null)"; then
    export JAVA_HOME="$chosen" PATH="$chosen/bin:$PATH"
    return 0
  fi
  local candidate
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*-2[1-9]*; do
    if [[ -n "$candidate" && -x "$candidate/bin/java" ]] && "$candidate/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
      export JAVA_HOME="$candidate" PATH="$candidate/bin:$PATH"
      return 0
    fi
  done
  echo "no JDK 21+ found" >&2
  return 1
}

# Maven for the bench scripts. bench/ is not a module of the root build, and several drivers run one module on its
# own (-f or -pl), so this checkout's shared modules are installed first — into a repository of its own, chained in
# front of ~/.m2 (Maven 3.9 maven.repo.local.tail): a fresh clone needs no install step, and neither another
# checkout's install in ~/.m2 nor this one's can mix up the other's classes. Offline when everything is there.
bench_mvn() {
  local root
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  local repo=(-Dmaven.repo.local="$root/bench/target/m2" -Dmaven.repo.local.tail="$HOME/.m2/repository")
  (cd "$root" && { ./mvnw -q -o "${repo[@]}" "$@" 2>/dev/null || ./mvnw -q "${repo[@]}" "$@"; })
}

install_shared_modules() {
  bench_mvn -DskipTests -Dhaven.deploy.standalone -pl .,case-events,service-support,embedded-infra,deploy install
}

# The load drivers: bench/target/bench.jar and its lib/.
build_bench() {
  install_shared_modules
  rm -rf "$(dirname "${BASH_SOURCE[0]}")/target/lib"
  bench_mvn -f bench/pom.xml -DskipTests package
}

# RSS in MB of the stack's processes: each JVM by its main class or jar, PostgreSQL summed over its processes.
footprint() {
  local name pattern
  for name in gateway case-service eligibility-service notification-service; do
    ps -eo rss,args | awk -v jar="$name.jar" 'index($0, jar) && /java/ { printf "%-22s %6.0f MB\n", substr(jar, 1, length(jar) - 4), $1 / 1024; exit }'
  done
  ps -eo rss,args | awk '/kafka.Kafka / && !/awk/ { printf "%-22s %6.0f MB\n", "kafka", $1 / 1024; exit }'
  ps -eo rss,args | awk '/HavenLocalStack/ && !/awk/ { printf "%-22s %6.0f MB\n", "launcher", $1 / 1024; exit }'
  ps -eo rss,comm | awk '$2 == "postgres" { sum += $1 } END { printf "%-22s %6.0f MB (all backends; shared memory counted per process)\n", "postgresql", sum / 1024 }'
}

ratio() { # ratio A B -> A/B with two decimals, or n/a
  if [[ -n "${1:-}" && -n "${2:-}" && "${2:-0}" != "0" ]]; then awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; else echo "n/a"; fi
}
