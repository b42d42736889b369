-- db-scheduler's table (PostgreSQL flavour of its schema), where Axon's DbSchedulerDeadlineManager keeps
-- every scheduled case deadline until it fires.
create table scheduled_tasks (
    task_name            text                     not null,
    task_instance        text                     not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index scheduled_tasks_execution_time on scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat on scheduled_tasks (last_heartbeat);
create index scheduled_tasks_priority_execution_time on scheduled_tasks (priority desc, execution_time asc);

-- Idempotency-Key: the first answer to a keyed request, kept for a day.
create table idempotent_request (
    organization_id varchar(64)  not null,
    idempotency_key varchar(200) not null,
    fingerprint     varchar(64)  not null,
    state           varchar(16)  not null,
    status          int,
    case_id         uuid,
    version         bigint,
    created_at      timestamptz  not null,
    primary key (organization_id, idempotency_key)
);
create index idempotent_request_created_at on idempotent_request (created_at);
