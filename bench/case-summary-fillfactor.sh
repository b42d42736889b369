#!/usr/bin/env bash
# Whether a lower fillfactor helps case_summary's updates: pgbench upserts (2 clients, 20 s) of the views of the last
# 400 updated cases on a copy of case_summary at fillfactor 100 and 70, twice each, with the copy's HOT-update count.
# Run against a local stack after a WriteBenchmark run; drops its copies.
#
#   bench/case-summary-fillfactor.sh
set -euo pipefail
export PGPASSWORD=postgres; P="psql -qX -h localhost -p 15432 -U postgres -d haven_case"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT; cd "$work"
for ff in 100 70 100 70; do
$P <<SQL
drop table if exists tt2; drop table if exists ids;
create table tt2 (like case_summary including all) with (fillfactor = $ff);
insert into tt2 select * from case_summary;
create table ids as select row_number() over (order by updated_at desc) n, case_id, view::text v from case_summary order by updated_at desc limit 400;
vacuum analyze tt2; vacuum analyze ids;
SQL
cat > ff.sql <<'SQL'
\set n random(1, 400)
insert into tt2 (case_id, organization_id, case_number, given_name, family_name, date_of_birth, country_of_nationality, preferred_language, last_arrival_date, unaccompanied_minor, status, assignee, version, opened_at, updated_at, pathways, receipt_numbers, search_text, view)
select s.case_id, s.organization_id, s.case_number, s.given_name, s.family_name, s.date_of_birth, s.country_of_nationality, s.preferred_language, s.last_arrival_date, s.unaccompanied_minor, s.status, s.assignee, s.version + 1, s.opened_at, now(), s.pathways, s.receipt_numbers, s.search_text, (i.v)::jsonb
from tt2 s join ids i on i.case_id = s.case_id where i.n = :n
on conflict (case_id) do update set version = excluded.version, updated_at = excluded.updated_at, view = excluded.view, status = excluded.status, assignee = excluded.assignee, pathways = excluded.pathways where tt2.version < excluded.version;
SQL
echo "fillfactor $ff: $(pgbench -n -h localhost -p 15432 -U postgres -c 2 -j 2 -T 20 -M prepared -f ff.sql haven_case 2>&1 | grep -E '^tps')"
$P -tAc "select 'upd', n_tup_upd, 'hot', n_tup_hot_upd from pg_stat_user_tables where relname = 'tt2'"
done
$P -c "drop table tt2; drop table ids"
