#!/usr/bin/env bash
# How the case view's column type costs in PostgreSQL: pgbench upserts (2 clients, 15 s) and reads (10 s) of the
# views of the last 400 updated cases, on a copy of case_summary with the view as jsonb, then as json, twice each.
# Run against a local stack after a WriteBenchmark run (so that case_summary holds real views); drops its copies.
#
#   bench/view-column.sh
set -euo pipefail
export PGPASSWORD=postgres; P="psql -qX -h localhost -p 15432 -U postgres -d haven_case"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT; cd "$work"
for type in jsonb json jsonb json; do
$P <<SQL
drop table if exists tt3; drop table if exists ids3;
create table tt3 (like case_summary including all);
alter table tt3 alter column view type $type using view::$type;
insert into tt3 select * from case_summary;
create table ids3 as select row_number() over (order by updated_at desc) n, case_id, view::text v from case_summary order by updated_at desc limit 400;
vacuum analyze tt3; vacuum analyze ids3;
SQL
cat > json.sql <<SQL
\set n random(1, 400)
insert into tt3 (case_id, organization_id, case_number, given_name, family_name, date_of_birth, country_of_nationality, preferred_language, last_arrival_date, unaccompanied_minor, status, assignee, version, opened_at, updated_at, pathways, receipt_numbers, search_text, view)
select s.case_id, s.organization_id, s.case_number, s.given_name, s.family_name, s.date_of_birth, s.country_of_nationality, s.preferred_language, s.last_arrival_date, s.unaccompanied_minor, s.status, s.assignee, s.version + 1, s.opened_at, now(), s.pathways, s.receipt_numbers, s.search_text, (i.v)::$type
from tt3 s join ids3 i on i.case_id = s.case_id where i.n = :n
on conflict (case_id) do update set version = excluded.version, updated_at = excluded.updated_at, view = excluded.view where tt3.version < excluded.version;
SQL
cat > jsonread.sql <<SQL
\set n random(1, 400)
select s.view::text from tt3 s join ids3 i on i.case_id = s.case_id where i.n = :n;
SQL
echo "$type upsert: $(pgbench -n -h localhost -p 15432 -U postgres -c 2 -j 2 -T 15 -M prepared -f json.sql haven_case 2>&1 | grep -E '^tps')"
echo "$type read:   $(pgbench -n -h localhost -p 15432 -U postgres -c 2 -j 2 -T 10 -M prepared -f jsonread.sql haven_case 2>&1 | grep -E '^tps')"
done
$P -c "drop table tt3; drop table ids3"
