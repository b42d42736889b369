-- V1 created every table of Axon's JPA schema. Haven has no sagas and no dead-letter queue (a failing handler is
-- retried, see AxonConfiguration.failingHandlersAreRetried), and since V7 the event store is JDBC: these tables were
-- never written. A saga or a dead-letter queue added later brings its own migration.
drop table if exists association_value_entry;
drop sequence if exists association_value_entry_seq;
drop table if exists saga_entry;
drop table if exists dead_letter_entry;
