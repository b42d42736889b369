-- Rebuilds of a projection from the event store (POST /api/audit/replays) and their progress.
create table projection_replay (
    id                uuid         not null primary key,
    projection        varchar(64)  not null,
    organization_id   varchar(64)  not null,
    requested_by      varchar(200) not null,
    status            varchar(16)  not null,
    events_processed  bigint       not null default 0,
    events_skipped    bigint       not null default 0,
    events_per_second double precision,
    started_at        timestamptz  not null,
    heartbeat_at      timestamptz  not null,
    finished_at       timestamptz,
    pause_millis      bigint,
    failure           varchar(1000)
);

-- One rebuild of a projection at a time.
create unique index projection_replay_one_running on projection_replay (projection) where status in ('RUNNING', 'SWAPPING');
