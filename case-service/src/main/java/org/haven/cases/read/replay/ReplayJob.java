package org.haven.cases.read.replay;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.UUID;

/**
 * A rebuild of a projection, as {@code /api/audit/replays} shows it.
 *
 * @param status          {@code RUNNING} (streaming the event store into fresh tables), {@code SWAPPING}
 *                        (catching up to the live processor and swapping the tables in), {@code COMPLETED}
 *                        or {@code FAILED}
 * @param eventsSkipped   stored events that no longer read (verification reports their case); logged, not folded
 * @param eventsPerSecond events processed per second of the rebuild so far
 * @param pauseMillis     how long the swap held the live projection's tables (live reads and the live
 *                        processor waited that long)
 */
public record ReplayJob(UUID id, String projection, String status, long eventsProcessed, long eventsSkipped,
                        @Nullable Double eventsPerSecond, Instant startedAt, @Nullable Instant finishedAt,
                        @Nullable Long pauseMillis, @Nullable String failure) {

    public static final String RUNNING = "RUNNING";
    public static final String SWAPPING = "SWAPPING";
    public static final String COMPLETED = "COMPLETED";
    public static final String FAILED = "FAILED";
}
