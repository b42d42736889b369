#!/usr/bin/env bash
# Write throughput and its ceiling, in one run (issue 9, benchmark 1 and 2; footprint of benchmark 5).
#
#   bench/writes.sh [seconds-per-step] [levels]        e.g. bench/writes.sh 20 1,4,16,64
#   HAVEN_REPLICAS=2 bench/writes.sh 20 16              the same against two instances of each service
#   SUSTAINED_RATES=20,40,60,80,100,120,160 (default)  case openings/s tried in turn until the work behind the answers
#                                                       (relay, eligibility, deadlines) stops keeping up
#   HAVEN_WARMUP_SECONDS=180 (default)                  load at 16 clients before the measured levels: the JVMs
#                                                       keep getting faster for minutes after a start
#
# Needs the local stack: it starts `./haven up --detach` when nothing answers on $HAVEN_URL and stops it
# again at the end. Prints: pgbench tps of a single-row insert of an event-sized row on the same PostgreSQL at
# each concurrency; Haven's commands/s and latency through the gateway at each concurrency; their ratio; the
# sustained rate (the highest rate of case openings whose whole chain of events keeps up); event-to-Kafka latency at
# half the sustained rate; and the RSS of every process idle and under load.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SECONDS_PER_STEP="${1:-20}"
LEVELS="${2:-1,4,16,64}"
HAVEN_URL="${HAVEN_URL:-http://localhost:${HAVEN_PORT:-8080}}"
API_KEY="${HAVEN_API_KEY:-hvn_dev_a_caseworker}"
export HAVEN_WARMUP_SECONDS="${HAVEN_WARMUP_SECONDS:-180}"
export PGPASSWORD=postgres PGHOST=localhost PGPORT=15432 PGUSER=postgres

source "$ROOT/bench/lib.sh"
use_jdk
command -v pgbench >/dev/null || { echo "installing pgbench (postgresql-client)"; apt-get install -y -qq postgresql-client >/dev/null; }

# The gateway limits each caller to 50 requests/s (burst 100); this benchmark drives every client with one API key,
# so it would measure the limiter. A stack started here gets a limit far above any rate it can reach; against a
# stack already running, start it the same way: HAVEN_GATEWAY_LIMITS_RATE_REQUESTS_PER_SECOND=100000
# HAVEN_GATEWAY_LIMITS_RATE_BURST=100000 ./haven up (429 answers are counted as failed in the table).
started_stack=false
if ! curl -fsS "$HAVEN_URL/actuator/health" >/dev/null 2>&1; then
  HAVEN_GATEWAY_LIMITS_RATE_REQUESTS_PER_SECOND=100000 HAVEN_GATEWAY_LIMITS_RATE_BURST=100000 \
    "$ROOT/haven" up --detach --replicas "${HAVEN_REPLICAS:-1}"
  started_stack=true
fi
trap '$started_stack && "$ROOT/haven" down' EXIT

build_bench

echo "== Footprint, idle"
footprint

echo "== pgbench: single-row insert of an event-sized row, same PostgreSQL"
psql -q -d postgres -tc "select 1 from pg_database where datname = 'haven_bench'" | grep -q 1 || psql -q -d postgres -c "create database haven_bench"
psql -q -d haven_bench -c "create table if not exists bench_event (global_index bigserial primary key, aggregate_identifier uuid not null,
  sequence_number bigint not null, payload_type text not null, payload bytea not null, meta_data bytea, time_stamp timestamptz not null)"
script="$(mktemp)"
cat > "$script" <<'SQL'
insert into bench_event (aggregate_identifier, sequence_number, payload_type, payload, meta_data, time_stamp)
values (gen_random_uuid(), 0, 'org.haven.cases.domain.intake.CaseOpened',
        convert_to(repeat('{"caseId":"00000000-0000-0000-0000-000000000000","client":{}}', 8), 'UTF8'),
        convert_to(repeat('{"actor":"api-key:dev-a-caseworker","hash":"0"}', 4), 'UTF8'), now());
SQL
declare -A PGBENCH_TPS
for clients in ${LEVELS//,/ }; do
  threads=$(( clients < 2 ? clients : 2 ))
  tps="$(pgbench -n -c "$clients" -j "$threads" -T "$SECONDS_PER_STEP" -f "$script" haven_bench 2>/dev/null \
         | awk '/^tps/ { printf "%.0f", $3; exit }')"
  PGBENCH_TPS[$clients]="$tps"
  echo "pgbench clients=$clients tps=$tps"
done
rm -f "$script"

echo "== Haven through the gateway ($HAVEN_URL), ${SECONDS_PER_STEP}s per step"
result="$(mktemp)"
( sleep $(( SECONDS_PER_STEP * 3 )); echo "== Footprint, under load"; footprint ) &
java -cp "$ROOT/bench/target/bench.jar:$ROOT/bench/target/lib/*" org.haven.bench.WriteBenchmark \
  "$HAVEN_URL" "$API_KEY" "$SECONDS_PER_STEP" "$LEVELS" localhost:19092 "${SUSTAINED_RATES:-20,40,60,80,100,120,160}" | tee "$result"
wait

echo
echo "== Haven commands/s as a ratio of pgbench tps (same clients)"
echo "| clients | pgbench tps | open case/s | ratio | parole request/grant/s | ratio |"
echo "|---|---|---|---|---|---|"
for clients in ${LEVELS//,/ }; do
  open="$(awk -F'|' -v c="$clients" '$2 ~ /open case/ && $3+0 == c { gsub(/ /, "", $4); print $4 }' "$result")"
  append="$(awk -F'|' -v c="$clients" '$2 ~ /parole/ && $3+0 == c { gsub(/ /, "", $4); print $4 }' "$result")"
  tps="${PGBENCH_TPS[$clients]}"
  printf '| %s | %s | %s | %s | %s | %s |\n' "$clients" "$tps" "$open" "$(ratio "$open" "$tps")" "$append" "$(ratio "$append" "$tps")"
done
rm -f "$result"
