-- Issue 6: notifications by policy, email and webhooks beside the in-app feed, and the delivery log as outbox.

-- What notification-service knows about each case, from case events alone (no PII: ids and codes).
create table case_file (
    case_id            uuid        primary key,
    organization_id    text        not null,
    assignee           text,
    preferred_language text,
    asylum_pending     boolean     not null,
    last_sequence      bigint      not null,
    updated_at         timestamptz not null
);

-- Who gets email, per organization. user_id is the identity token's subject, e.g. user:caseworker-a.
create table recipient (
    organization_id text not null,
    user_id         text not null,
    email           text not null,
    language        text not null check (language in ('en', 'es')),
    primary key (organization_id, user_id)
);

-- A notification keeps its template keys and facts, not text: text is rendered per reader and language.
alter table notification
    add column next_step_key   text,
    add column rule_id         text,
    add column citation        text,
    add column recipient       text,
    add column client_language text,
    add column facts           jsonb not null default '{}';
update notification set next_step_key = 'next-step.review-new-case', message_key = 'message.case-opened'
 where message_key = 'case.opened';
update notification set next_step_key = 'next-step.review-new-case' where next_step_key is null;
alter table notification alter column next_step_key set not null;
alter table notification drop column message;
-- Read state is per reader now (notification_read).
alter table notification drop column read_at;
create unique index notification_once_per_event on notification (event_id);
create index notification_by_recipient on notification (organization_id, recipient, created_at desc);

create table notification_read (
    notification_id uuid        not null references notification (id) on delete cascade,
    user_id         text        not null,
    read_at         timestamptz not null,
    primary key (notification_id, user_id)
);

-- The delivery log is the outbox: one row per (event, channel, recipient), written with the consumed event's
-- dedupe record; senders claim due rows (for update skip locked) and record each attempt's outcome.
alter table notification_delivery
    add column organization_id text,
    add column event_id        uuid,
    add column recipient       text,
    add column message_id      text,
    add column payload         text,
    add column created_at      timestamptz,
    add column next_attempt_at timestamptz,
    add column give_up_at      timestamptz,
    add column last_attempt_at timestamptz,
    add column delivered_at    timestamptz,
    add column last_error      text;
update notification_delivery d
   set organization_id = n.organization_id, event_id = n.event_id, recipient = n.organization_id,
       message_id = n.id::text, created_at = d.updated_at,
       delivered_at = case when d.status = 'DELIVERED' then d.updated_at end
  from notification n
 where n.id = d.notification_id;
alter table notification_delivery
    alter column organization_id set not null,
    alter column event_id set not null,
    alter column recipient set not null,
    alter column message_id set not null,
    alter column created_at set not null,
    add constraint notification_delivery_status check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    add constraint notification_delivery_pending_is_due check (status <> 'PENDING' or next_attempt_at is not null);
create unique index notification_delivery_once on notification_delivery (event_id, channel, recipient);
create index notification_delivery_due on notification_delivery (next_attempt_at) where status = 'PENDING';
create index notification_delivery_failed on notification_delivery (organization_id, channel, updated_at desc)
    where status = 'FAILED';

create table webhook_subscription (
    id              uuid        primary key,
    organization_id text        not null,
    url             text        not null,
    event_types     text[]      not null,
    -- Signing needs the secret itself (HMAC); encrypting it at rest with a managed key is still to do.
    secret          text        not null,
    created_at      timestamptz not null
);
create index webhook_subscription_by_organization on webhook_subscription (organization_id);

create table notification_preferences (
    organization_id     text        primary key,
    event_types         text[]      not null,
    channels            text[]      not null,
    reminder_lead_times jsonb       not null,
    updated_at          timestamptz not null,
    updated_by          text        not null
);
