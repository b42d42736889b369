package org.haven.support.kafka;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.UUID;

/**
 * The dedupe record of a Kafka consumer: an event's id is claimed in the same database transaction as the
 * effect it has, so a redelivered message finds its id taken and has no effect a second time.
 * Each service creates the {@code processed_event} table in its own Flyway migration.
 */
public class ProcessedEvents {

    private final JdbcTemplate jdbc;

    public ProcessedEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return true the first time this event is seen by this consumer; must run inside the effect's transaction */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean claim(UUID eventId, String consumer) {
        return jdbc.update("""
                insert into processed_event (event_id, consumer, processed_at) values (?, ?, now())
                on conflict do nothing""", eventId, consumer) == 1;
    }
}
