#!/usr/bin/env bash
# CPU seconds used by each part of a running local stack while a command runs, from /proc (utime + stime):
#
#   bench/cpu-by-process.sh <command...>     e.g. bench/cpu-by-process.sh java -cp ... org.haven.bench.WriteBenchmark ...
#
# Groups Java processes by their jar (case-service, eligibility-service, notification-service, gateway, Kafka,
# launcher) and PostgreSQL backends by database. Backends that end during the run are not counted (their CPU is
# lost to this method), so PostgreSQL's share is a lower bound. Divide by the commands the run reports to get CPU
# per command.
set -euo pipefail

snapshot() {
  for p in /proc/[0-9]*; do
    cmd=$(tr '\0' ' ' < "$p/cmdline" 2>/dev/null) || continue
    case "$cmd" in
      *case-service.jar*) g=case-service ;; *eligibility-service.jar*) g=eligibility-service ;;
      *notification-service.jar*) g=notification-service ;; *gateway.jar*) g=gateway ;;
      *kafka.Kafka*|*KafkaRaftServer*|*kafka_2*) g=kafka ;;
      "postgres: "*haven_case*) g=postgres-case ;; "postgres: "*haven_eligibility*) g=postgres-eligibility ;;
      "postgres: "*haven_notification*) g=postgres-notification ;; "postgres: "*haven_gateway*) g=postgres-gateway ;;
      postgres*) g=postgres-other ;; *deploy.jar*) g=launcher ;; *) continue ;;
    esac
    read -r -a stat < "$p/stat" 2>/dev/null || continue
    echo "$g $(( stat[13] + stat[14] ))"
  done | awk '{ ticks[$1] += $2 } END { for (g in ticks) print g, ticks[g] }' | sort
}

(( $# )) || { echo "usage: $0 <command...>" >&2; exit 2; }
hz=$(getconf CLK_TCK)
before=$(mktemp); after=$(mktemp); trap 'rm -f "$before" "$after"' EXIT
snapshot > "$before"; started=$(date +%s.%N)
"$@"
snapshot > "$after"; ended=$(date +%s.%N)
echo
awk -v a="$started" -v b="$ended" 'BEGIN { printf "== CPU seconds per part over %.1f s of wall clock\n", b - a }'
join "$before" "$after" | awk -v hz="$hz" '{ used = ($3 - $2) / hz; total += used; printf "%-22s %7.1f\n", $1, used }
  END { printf "%-22s %7.1f\n", "total", total }'
