#!/usr/bin/env bash
# How far behind the case events the Kafka consumers were: for every CaseOpened stored since <since>, the time
# from the event (its store time stamp in case-service) to its effect committed in eligibility-service (the fact
# row) and in notification-service (its dedupe row); and for every assessment eligibility-service wrote to its
# outbox since then, the time until case-service recorded it as EligibilityAssessed. Per 10 s and overall.
#
#   bench/consumer-lag.sh <since, UTC ISO>      e.g. bench/consumer-lag.sh 2026-11-28T15:03:00
#
# Run it against the local stack after a WriteBenchmark run; needs psql and python3.
set -euo pipefail
export PGPASSWORD="${PGPASSWORD:-postgres}" PGHOST="${PGHOST:-localhost}" PGPORT="${PGPORT:-15432}" PGUSER="${PGUSER:-postgres}"
(( $# == 1 )) || { echo "usage: $0 <since, UTC ISO, e.g. 2026-11-28T15:03:00>" >&2; exit 2; }
since="$1"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
utc="'YYYY-MM-DD\"T\"HH24:MI:SS.US'"
psql -qX -d haven_case -tAc "select event_identifier, time_stamp from domain_event_entry
  where payload_type like '%.CaseOpened' and time_stamp >= '$since'" > "$work/stored"
psql -qX -d haven_eligibility -tAc "select event_id, to_char(recorded_at at time zone 'UTC', $utc) from case_fact
  where recorded_at >= timestamptz '${since}Z'" > "$work/eligibility"
psql -qX -d haven_notification -tAc "select event_id, to_char(processed_at at time zone 'UTC', $utc) from processed_event
  where processed_at >= timestamptz '${since}Z'" > "$work/notification"

psql -qX -d haven_eligibility -tAc "select event_id, to_char(created_at at time zone 'UTC', $utc) from eligibility_outbox
  where created_at >= timestamptz '${since}Z'" > "$work/assessed"
psql -qX -d haven_case -tAc "select convert_from(payload, 'UTF8')::json->>'assessmentId', time_stamp from domain_event_entry
  where payload_type like '%.EligibilityAssessed' and time_stamp >= '$since'" > "$work/recorded"

python3 - "$work" <<'PY'
import sys, collections
from datetime import datetime
work = sys.argv[1]
def at(text): return datetime.fromisoformat(text.strip().replace('Z', '+00:00')).replace(tzinfo=None)
def rows(name): return [line.rstrip('\n').split('|') for line in open(f"{work}/{name}") if '|' in line]
def lags_of(sources, effects): return sorted((sources[event], (at(when) - sources[event]).total_seconds())
                                             for event, when in effects if event in sources)
stored = {event: at(when) for event, when in rows('stored')}
assessed = {event: at(when) for event, when in rows('assessed')}
print(f"{len(stored)} CaseOpened stored, {len(assessed)} assessments written since the given time")
for consumer, lags in (('eligibility (case event -> fact)', lags_of(stored, rows('eligibility'))),
                       ('notification (case event -> dedupe row)', lags_of(stored, rows('notification'))),
                       ('case-service (assessment -> EligibilityAssessed)', lags_of(assessed, rows('recorded')))):
    if not lags:
        print(f"{consumer}: none of them processed yet"); continue
    seconds = sorted(lag for _, lag in lags)
    pct = lambda q: seconds[min(len(seconds) - 1, int(q * len(seconds)))]
    print(f"{consumer}: {len(seconds)} processed; behind the event p50 {pct(.5):.2f} s, p99 {pct(.99):.2f} s, max {seconds[-1]:.2f} s")
    by_window = collections.defaultdict(list)
    for event_time, lag in lags:
        by_window[event_time.strftime('%H:%M:%S')[:7] + '0'].append(lag)
    for window in sorted(by_window):
        values = sorted(by_window[window])
        print(f"  events at {window}+10s: {len(values):5d}  median {values[len(values) // 2]:6.2f} s  max {values[-1]:6.2f} s")
PY
