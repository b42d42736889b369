-- Axon's JDBC event store inserts events without a global index and reads it back: the column takes it from the
-- sequence Hibernate used to call (nextval per event, one at a time, so no numbers are skipped on restarts).
alter table domain_event_entry alter column global_index set default nextval('domain_event_entry_seq');
alter sequence domain_event_entry_seq owned by domain_event_entry.global_index;
