package org.haven.cases.read.replay;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The {@code projection_replay} table: one row per rebuild, its progress, and how it ended. */
@Repository
class ReplayJobs {

    /** A running rebuild writes a heartbeat with every batch; one silent this long died with its instance. */
    static final Duration STALE_AFTER = Duration.ofMinutes(2);

    private static final RowMapper<ReplayJob> JOB = (rows, index) -> {
        Timestamp finishedAt = rows.getTimestamp("finished_at");
        double rate = rows.getDouble("events_per_second");
        Double eventsPerSecond = rows.wasNull() ? null : rate;
        long pause = rows.getLong("pause_millis");
        Long pauseMillis = rows.wasNull() ? null : pause;
        return new ReplayJob(rows.getObject("id", UUID.class), rows.getString("projection"), rows.getString("status"),
                rows.getLong("events_processed"), rows.getLong("events_skipped"), eventsPerSecond,
                rows.getTimestamp("started_at").toInstant(), finishedAt == null ? null : finishedAt.toInstant(),
                pauseMillis, rows.getString("failure"));
    };

    private final JdbcTemplate jdbc;

    ReplayJobs(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a new running rebuild; empty while another rebuild of the projection is running. */
    Optional<ReplayJob> start(String projection, String organizationId, String requestedBy, Instant now) {
        jdbc.update("""
                update projection_replay set status = 'FAILED', finished_at = ?, failure = 'Stopped answering; its instance went away'
                where projection = ? and status in ('RUNNING', 'SWAPPING') and heartbeat_at < ?""",
                Timestamp.from(now), projection, Timestamp.from(now.minus(STALE_AFTER)));
        UUID id = UUID.randomUUID();
        try {
            jdbc.update("""
                    insert into projection_replay (id, projection, organization_id, requested_by, status, started_at, heartbeat_at)
                    values (?, ?, ?, ?, 'RUNNING', ?, ?)""",
                    id, projection, organizationId, requestedBy, Timestamp.from(now), Timestamp.from(now));
        } catch (DuplicateKeyException running) {
            return Optional.empty();
        }
        return find(organizationId, id);
    }

    Optional<ReplayJob> find(String organizationId, UUID id) {
        return jdbc.query("select * from projection_replay where id = ? and organization_id = ?", JOB, id, organizationId)
                .stream().findFirst();
    }

    void progress(UUID id, String status, long processed, long skipped, double eventsPerSecond) {
        jdbc.update("""
                update projection_replay set status = ?, events_processed = ?, events_skipped = ?, events_per_second = ?,
                    heartbeat_at = now()
                where id = ?""", status, processed, skipped, eventsPerSecond, id);
    }

    void completed(UUID id, long processed, long skipped, double eventsPerSecond, long pauseMillis) {
        jdbc.update("""
                update projection_replay set status = 'COMPLETED', events_processed = ?, events_skipped = ?,
                    events_per_second = ?, pause_millis = ?, heartbeat_at = now(), finished_at = now()
                where id = ?""", processed, skipped, eventsPerSecond, pauseMillis, id);
    }

    void failed(UUID id, @Nullable String failure) {
        jdbc.update("update projection_replay set status = 'FAILED', failure = ?, heartbeat_at = now(), finished_at = now() where id = ?",
                failure, id);
    }
}
