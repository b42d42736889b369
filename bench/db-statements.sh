#!/usr/bin/env bash
# The SQL statements the stack sends to PostgreSQL while a command runs, per database, most frequent first
# (pg_stat_statements, which the local stack's PostgreSQL preloads):
#
#   bench/db-statements.sh <command...>     e.g. bench/db-statements.sh java -cp ... org.haven.bench.WriteBenchmark ...
#
# When the command prints WriteBenchmark's "Commands answered 2xx in the run, warm-up included: N", every count is
# also shown per command. Counts are of executions (a JDBC batch of 50 inserts counts 50); "ms" is PostgreSQL's
# execution time, without parsing, network and commit.
set -euo pipefail
export PGPASSWORD="${PGPASSWORD:-postgres}" PGHOST="${PGHOST:-localhost}" PGPORT="${PGPORT:-15432}" PGUSER="${PGUSER:-postgres}"
TOP="${HAVEN_DB_STATEMENTS_TOP:-30}"

(( $# )) || { echo "usage: $0 <command...>" >&2; exit 2; }
psql -qX -d postgres -tc "show shared_preload_libraries" | grep -q pg_stat_statements \
  || { echo "PostgreSQL on $PGHOST:$PGPORT does not preload pg_stat_statements (restart the stack)" >&2; exit 1; }
psql -qX -d postgres -c "create extension if not exists pg_stat_statements" >/dev/null
psql -qX -d postgres -tc "select pg_stat_statements_reset()" >/dev/null

output=$(mktemp); trap 'rm -f "$output"' EXIT
"$@" | tee "$output"
commands=$(sed -n 's/^Commands answered 2xx in the run, warm-up included: \([0-9]*\)$/\1/p' "$output" | tail -1)
commands="${commands:-0}"

echo
echo "== Statements per database$( (( commands > 0 )) && echo ", per command over $commands commands")"
psql -qX -d postgres -P pager=off -v commands="$commands" <<'SQL'
select d.datname as database,
       sum(s.calls) as calls,
       case when :commands > 0 then round(sum(s.calls)::numeric / :commands, 1) end as per_command,
       round(sum(s.total_exec_time)::numeric) as ms
from pg_stat_statements s join pg_database d on d.oid = s.dbid
where d.datname like 'haven%'
group by d.datname order by calls desc;
SQL
echo "== Most frequent statements"
psql -qX -d postgres -P pager=off -v commands="$commands" -v top="$TOP" <<'SQL'
select d.datname as database,
       s.calls,
       case when :commands > 0 then round(s.calls::numeric / :commands, 2) end as per_command,
       round(s.total_exec_time::numeric) as ms,
       left(regexp_replace(s.query, '\s+', ' ', 'g'), 110) as statement
from pg_stat_statements s join pg_database d on d.oid = s.dbid
where d.datname like 'haven%'
order by s.calls desc limit :top;
SQL
