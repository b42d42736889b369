-- The case-summary projection grows into the case list, case detail and deadline read model.
-- Each row keeps the whole case view (made by CaseFold) as jsonb, plus the columns the list filters on.
-- Existing rows cannot be extended from their columns, so the projection starts over: its rows and its token
-- go, and the tracking processor replays the event store from the beginning when the service starts.

truncate case_summary;
delete from token_entry where processor_name = 'case-summary';

alter table case_summary
    add column pathways        text[] not null default '{}',
    add column receipt_numbers text[] not null default '{}',
    add column search_text     text   not null default '',
    add column view            jsonb  not null;

-- Newest first with the case id as tie-breaker, within one organization; the cursor continues from a row.
drop index case_summary_organization;
create index case_summary_organization_opened on case_summary (organization_id, opened_at desc, case_id desc);
create index case_summary_organization_status on case_summary (organization_id, status, opened_at desc, case_id desc);
create index case_summary_organization_assignee on case_summary (organization_id, assignee, opened_at desc, case_id desc);
create index case_summary_pathways on case_summary using gin (pathways);

-- q is a case-insensitive substring search over names, case number and receipt numbers (search_text is
-- lower-cased when written). A leading-wildcard LIKE cannot use a btree index: without pg_trgm it scans the
-- organization's rows (narrowed by the organization index). Where pg_trgm can be created, a trigram index
-- serves it instead.
do $$
begin
    if exists (select 1 from pg_available_extensions where name = 'pg_trgm') then
        create extension if not exists pg_trgm;
        create index case_summary_search on case_summary using gin (search_text gin_trgm_ops);
    end if;
exception when others then
    raise notice 'pg_trgm is not usable here (%); q scans the organization''s cases', sqlerrm;
end
$$;

-- Each case's computed deadlines from its latest EligibilityAssessed, for GET /api/deadlines across an
-- organization. met_on is when the case recorded the action the deadline asks for (see CaseDeadlines).
create table case_deadline (
    case_id         uuid         not null,
    organization_id varchar(64)  not null,
    position        int          not null,
    type            varchar(64)  not null,
    due_on          date         not null,
    rule_id         varchar(200) not null,
    citation        varchar(500) not null,
    action          boolean      not null,
    met_on          date,
    primary key (case_id, position)
);
create index case_deadline_organization_due on case_deadline (organization_id, due_on);
