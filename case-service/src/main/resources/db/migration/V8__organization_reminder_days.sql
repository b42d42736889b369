-- Each organization's own reminder days per kind of deadline, as notification-service publishes them on
-- haven.reminder-settings.v1 (rules.md: "configurable per organization"). A kind not named keeps the rules' days.
create table organization_reminder_days (
    organization_id    varchar(64) not null primary key,
    reminder_days      jsonb       not null,
    settings_updated_at timestamptz not null,
    received_at        timestamptz not null
);
