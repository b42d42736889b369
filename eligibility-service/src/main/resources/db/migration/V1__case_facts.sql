-- Dedupe record of the Kafka consumers (org.haven.support.kafka.ProcessedEvents): an event id is claimed in
-- the same transaction as its effect, once per consumer.
create table processed_event (
    event_id     uuid        not null,
    consumer     text        not null,
    processed_at timestamptz not null,
    primary key (event_id, consumer)
);

-- Each case's facts as its events reported them (ids, dates and codes only: payloads carry no PII).
-- The assessments will be computed from these rows.
create table case_fact (
    event_id        uuid        primary key,
    case_id         uuid        not null,
    organization_id text        not null,
    event_type      text        not null,
    sequence        bigint      not null,
    payload         jsonb       not null,
    recorded_at     timestamptz not null
);

create index case_fact_by_case on case_fact (case_id, sequence);
