-- The case list and case detail read model (projection "case-summary").

create sequence case_number_seq start with 1;

create table case_summary (
    case_id                uuid         not null primary key,
    organization_id        varchar(64)  not null,
    case_number            varchar(32)  not null unique,
    given_name             varchar(200) not null,
    family_name            varchar(200) not null,
    date_of_birth          date         not null,
    country_of_nationality varchar(2)   not null,
    preferred_language     varchar(2)   not null,
    last_arrival_date      date,
    unaccompanied_minor    boolean      not null,
    status                 varchar(16)  not null,
    assignee               varchar(200),
    version                bigint       not null,
    opened_at              timestamptz  not null,
    updated_at             timestamptz  not null
);
create index case_summary_organization on case_summary (organization_id, opened_at desc);
