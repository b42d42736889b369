-- The published assessment was kept twice: in case_assessment.assessment and in the outbox row its
-- published_event_id names (the whole EligibilityAssessed envelope; outbox rows are kept). Only the outbox's copy
-- stays; content_hash still decides whether a new assessment is news. Writing the copy was a fifth of this
-- database's statement time under load (bench/db-statements.sh).
alter table case_assessment drop column assessment;
