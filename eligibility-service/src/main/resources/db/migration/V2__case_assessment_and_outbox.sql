-- The last assessment published for each case: a new assessment is published only when its content (everything
-- but the as-of date) differs from this one. Written in the same transaction as the fact and its dedupe claim.
create table case_assessment (
    case_id              uuid        primary key,
    organization_id      text        not null,
    content_hash         text        not null,
    assessment           jsonb       not null,
    published_event_id   uuid        not null,
    last_sequence        bigint      not null,
    last_evaluated_as_of date        not null,
    updated_at           timestamptz not null
);

-- Transactional outbox: an EligibilityAssessed is written here in the transaction that decided to publish it, and
-- the relay sends it to Kafka afterwards, marking it published only once Kafka acknowledged it. A crash between
-- the two sends it again (same event id); consumers dedupe by event id.
create table eligibility_outbox (
    id           bigserial   primary key,
    event_id     uuid        not null unique,
    case_id      uuid        not null,
    payload      text        not null,
    headers      jsonb       not null,
    created_at   timestamptz not null,
    published_at timestamptz
);

create index eligibility_outbox_pending on eligibility_outbox (id) where published_at is null;
