-- Organization API keys. Only the SHA-256 of a key is stored: keys are 256 random bits, so a fast hash is
-- enough (no dictionary to guess from) and the lookup by hash needs no per-row salt.
create table api_key (
    id              uuid        primary key,
    organization_id text        not null,
    name            text        not null,
    roles           text[]      not null,
    key_sha256      bytea       not null unique,
    created_at      timestamptz not null,
    created_by      text        not null,
    last_used_at    timestamptz,
    revoked_at      timestamptz,
    constraint api_key_roles_not_empty check (cardinality(roles) > 0)
);

-- A name is unique among an organization's keys still in use; a revoked key's name may be reused.
create unique index api_key_active_name on api_key (organization_id, name) where revoked_at is null;
create index api_key_organization on api_key (organization_id, created_at);
