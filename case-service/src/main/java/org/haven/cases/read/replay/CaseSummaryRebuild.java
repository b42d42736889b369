package org.haven.cases.read.replay;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.haven.cases.domain.CaseEvent;
import org.haven.cases.read.CaseFold;
import org.haven.cases.read.CaseSummaryProjection;
import org.haven.cases.read.CaseSummaryWriter;
import org.haven.cases.read.ReadModelTables;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Rebuilds the {@code case-summary} projection into fresh tables and swaps them in while the live processor
 * keeps running:
 * <ol>
 *   <li>create {@code case_summary_rebuild} and {@code case_deadline_rebuild} like the live tables (columns,
 *       constraints, indexes);</li>
 *   <li>stream every event from the start of the event store ({@code EventStore.openStream(null)}) and fold
 *       it in with the live projection's own {@link CaseSummaryWriter}, a thousand events per transaction,
 *       recording progress in {@code projection_replay};</li>
 *   <li>once caught up with the head, in one transaction: lock the live processor's token rows
 *       ({@code select ... for update}, the order its own batches take them in, so no deadlock) and then the
 *       live tables ({@code access exclusive}), which holds the live processor between two batches and makes
 *       reads wait; fold in the events up to the live processor's token and whatever else is available; rename
 *       the rebuilt tables into place and drop the old ones; commit.</li>
 * </ol>
 * The live processor then carries on from its own token into the new tables; events the rebuild already
 * folded in are ignored by version. Writes keep being accepted throughout; reads and read-your-writes waits
 * pause only for the swap (reported as {@code pauseMillis}). A swap that cannot take its locks or catch up in
 * time is rolled back and tried again, up to {@value #SWAP_ATTEMPTS} times.
 */
@Component
class CaseSummaryRebuild {

    private static final Logger log = LoggerFactory.getLogger(CaseSummaryRebuild.class);
    static final int BATCH = 1000;
    static final int SWAP_ATTEMPTS = 3;
    private static final Duration SWAP_CATCH_UP = Duration.ofSeconds(10);
    private static final ReadModelTables LIVE = ReadModelTables.LIVE;
    private static final ReadModelTables REBUILD = ReadModelTables.REBUILD;

    private final EventStore eventStore;
    private final CaseSummaryWriter writer;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Serializer serializer;
    private final ReplayJobs jobs;

    CaseSummaryRebuild(EventStore eventStore, CaseSummaryWriter writer, JdbcTemplate jdbc, TransactionTemplate transaction,
                       Serializer serializer, ReplayJobs jobs) {
        this.eventStore = eventStore;
        this.writer = writer;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.serializer = serializer;
        this.jobs = jobs;
    }

    /** Runs the whole rebuild of one job on the calling thread; throws when it fails (the tables stay as they were). */
    void run(UUID jobId, BooleanSupplier stopping) throws InterruptedException {
        Progress progress = new Progress();
        transaction.executeWithoutResult(status -> {
            jdbc.execute("drop table if exists " + REBUILD.summary() + ", " + REBUILD.deadlines());
            jdbc.execute("create table " + REBUILD.summary() + " (like " + LIVE.summary() + " including all)");
            jdbc.execute("create table " + REBUILD.deadlines() + " (like " + LIVE.deadlines() + " including all)");
        });
        TrackingToken committed = null;
        BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null);
        try {
            for (int attempt = 1; ; attempt++) {
                committed = catchUp(stream, committed, jobId, progress, stopping);
                jobs.progress(jobId, ReplayJob.SWAPPING, progress.processed, progress.skipped, progress.rate());
                try {
                    long pauseMillis = swap(stream, committed, progress);
                    jobs.completed(jobId, progress.processed, progress.skipped, progress.rate(), pauseMillis);
                    log.info("Rebuilt projection {} from {} events ({} unreadable) at {} events/s; live tables paused {} ms",
                            CaseSummaryProjection.PROCESSING_GROUP, progress.processed, progress.skipped,
                            Math.round(progress.rate()), pauseMillis);
                    return;
                } catch (RuntimeException swapFailed) {
                    if (attempt == SWAP_ATTEMPTS) {
                        throw swapFailed;
                    }
                    log.warn("Swap attempt {} of projection {} failed; catching up and trying again",
                            attempt, CaseSummaryProjection.PROCESSING_GROUP, swapFailed);
                    // The failed attempt's folding was rolled back with it: go on from the last committed batch.
                    stream.close();
                    stream = eventStore.openStream(committed);
                    progress.rollBack();
                }
            }
        } finally {
            stream.close();
            try {
                jdbc.execute("drop table if exists " + REBUILD.summary() + ", " + REBUILD.deadlines());
            } catch (RuntimeException e) {
                log.warn("Could not drop the unfinished rebuild's tables; the next rebuild drops them", e);
            }
        }
    }

    /** Folds in everything available, a batch per transaction; returns the position of the last committed batch. */
    private @Nullable TrackingToken catchUp(BlockingStream<TrackedEventMessage<?>> stream, @Nullable TrackingToken from,
                                            UUID jobId, Progress progress, BooleanSupplier stopping) throws InterruptedException {
        TrackingToken committed = from;
        List<TrackedEventMessage<?>> batch;
        while (!(batch = nextBatch(stream, 0)).isEmpty()) {
            if (stopping.getAsBoolean()) {
                throw new InterruptedException("The service is stopping");
            }
            List<TrackedEventMessage<?>> events = batch;
            transaction.executeWithoutResult(status -> {
                fold(events, progress);
                jobs.progress(jobId, ReplayJob.RUNNING, progress.processed, progress.skipped, progress.rate());
            });
            committed = events.getLast().trackingToken();
            progress.committed();
        }
        jdbc.execute("analyze " + REBUILD.summary());
        jdbc.execute("analyze " + REBUILD.deadlines());
        return committed;
    }

    /** Returns how long the swap held the live processor and the live tables, from asking for the locks. */
    private long swap(BlockingStream<TrackedEventMessage<?>> stream, @Nullable TrackingToken committed, Progress progress) {
        long lockedAt = System.nanoTime();
        transaction.executeWithoutResult(status -> {
            jdbc.execute("set local lock_timeout = '5s'");
            List<TrackingToken> liveTokens = liveTokens();
            jdbc.execute("lock table " + LIVE.summary() + ", " + LIVE.deadlines() + " in access exclusive mode");
            TrackingToken position = committed;
            long deadline = System.nanoTime() + SWAP_CATCH_UP.toNanos();
            while (true) {
                boolean covered = covers(position, liveTokens);
                List<TrackedEventMessage<?>> batch = nextBatch(stream, covered ? 0 : 50);
                if (batch.isEmpty() && covered) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not catch up with the live processor within " + SWAP_CATCH_UP);
                }
                if (!batch.isEmpty()) {
                    fold(batch, progress);
                    position = batch.getLast().trackingToken();
                }
            }
            TableSwap.swap(jdbc, LIVE.summary(), REBUILD.summary());
            TableSwap.swap(jdbc, LIVE.deadlines(), REBUILD.deadlines());
        });
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lockedAt);
    }

    /** The live processor's token of each segment, locked until this transaction ends. */
    private List<TrackingToken> liveTokens() {
        List<TrackingToken> tokens = new ArrayList<>();
        jdbc.query("select token, token_type from token_entry where processor_name = ? for update",
                rows -> {
                    byte[] token = rows.getBytes(1);
                    String type = rows.getString(2);
                    if (token != null && type != null) {
                        tokens.add(serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null)));
                    }
                }, CaseSummaryProjection.PROCESSING_GROUP);
        return tokens;
    }

    private static boolean covers(@Nullable TrackingToken position, List<TrackingToken> liveTokens) {
        for (TrackingToken live : liveTokens) {
            if (position == null || !WrappedToken.unwrapLowerBound(position).covers(WrappedToken.unwrapLowerBound(live))) {
                return false;
            }
        }
        return true;
    }

    private static List<TrackedEventMessage<?>> nextBatch(BlockingStream<TrackedEventMessage<?>> stream, int waitMillis) {
        List<TrackedEventMessage<?>> batch = new ArrayList<>();
        try {
            while (batch.size() < BATCH && stream.hasNextAvailable(batch.isEmpty() ? waitMillis : 0, TimeUnit.MILLISECONDS)) {
                batch.add(stream.nextAvailable());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the event store", e);
        }
        return batch;
    }

    private void fold(List<TrackedEventMessage<?>> batch, Progress progress) {
        List<CaseFold.FoldedEvent> events = new ArrayList<>(batch.size());
        for (TrackedEventMessage<?> message : batch) {
            progress.processed++;
            if (!(message instanceof DomainEventMessage<?> domainEvent)) {
                continue;
            }
            Object payload;
            try {
                payload = domainEvent.getPayload();
            } catch (RuntimeException unreadable) {
                progress.skipped++;
                log.warn("Event {} of case {} no longer reads; left out of the rebuild", domainEvent.getSequenceNumber(),
                        domainEvent.getAggregateIdentifier(), unreadable);
                continue;
            }
            if (payload instanceof CaseEvent caseEvent) {
                events.add(new CaseFold.FoldedEvent(caseEvent, domainEvent.getSequenceNumber(), domainEvent.getTimestamp()));
            }
        }
        writer.write(events, REBUILD);
    }

    private static final class Progress {
        private final long startedAt = System.nanoTime();
        private long processed;
        private long skipped;
        private long committedProcessed;
        private long committedSkipped;

        void committed() {
            committedProcessed = processed;
            committedSkipped = skipped;
        }

        void rollBack() {
            processed = committedProcessed;
            skipped = committedSkipped;
        }

        double rate() {
            double seconds = (System.nanoTime() - startedAt) / 1e9;
            return seconds <= 0 ? 0 : processed / seconds;
        }
    }
}
