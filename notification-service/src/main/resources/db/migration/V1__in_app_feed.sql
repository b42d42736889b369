-- Dedupe record of the Kafka consumers (org.haven.support.kafka.ProcessedEvents): an event id is claimed in
-- the same transaction as its effect, once per consumer.
create table processed_event (
    event_id     uuid        not null,
    consumer     text        not null,
    processed_at timestamptz not null,
    primary key (event_id, consumer)
);

-- One row per notification of the in-app feed. Only ids, codes and message keys: no names or free text.
create table notification (
    id              uuid        primary key,
    organization_id text        not null,
    case_id         uuid        not null,
    event_id        uuid        not null,
    event_type      text        not null,
    kind            text        not null,
    message_key     text        not null,
    message         text        not null,
    created_at      timestamptz not null,
    read_at         timestamptz
);

create index notification_by_organization on notification (organization_id, created_at desc);
create index notification_by_case on notification (organization_id, case_id, created_at desc);

-- The delivery log: one row per channel (and, for webhooks, per subscription) a notification goes out on.
create table notification_delivery (
    id              uuid        primary key,
    notification_id uuid        not null references notification (id),
    channel         text        not null,
    status          text        not null,
    attempts        integer     not null check (attempts >= 0),
    updated_at      timestamptz not null
);

create index notification_delivery_by_notification on notification_delivery (notification_id);
