package org.haven.cases.read.replay;

import jakarta.annotation.PreDestroy;
import org.haven.cases.read.CaseSummaryProjection;
import org.haven.support.identity.HavenIdentity;
import org.haven.support.problem.ConflictException;
import org.haven.support.problem.InvalidFieldException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Starts and follows rebuilds of named projections, each on a thread of its own, one per projection at a time
 * (across instances too: the {@code projection_replay} table allows one running rebuild per projection).
 */
@Component
public class ProjectionReplays {

    public static final Set<String> PROJECTIONS = Set.of(CaseSummaryProjection.PROCESSING_GROUP);
    private static final Logger log = LoggerFactory.getLogger(ProjectionReplays.class);

    private final ReplayJobs jobs;
    private final CaseSummaryRebuild caseSummary;
    private final Clock clock = Clock.systemUTC();
    private final Map<UUID, Thread> running = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    ProjectionReplays(ReplayJobs jobs, CaseSummaryRebuild caseSummary) {
        this.jobs = jobs;
        this.caseSummary = caseSummary;
    }

    public ReplayJob start(HavenIdentity requester, String projection) {
        if (!PROJECTIONS.contains(projection)) {
            throw new InvalidFieldException("projection", "must be one of " + PROJECTIONS);
        }
        ReplayJob job = jobs.start(projection, requester.organizationId(), requester.subject(), clock.instant())
                .orElseThrow(() -> new ConflictException("A rebuild of " + projection + " is already running"));
        Thread thread = Thread.ofPlatform().name("replay-" + projection + "-" + job.id()).daemon(true).unstarted(() -> run(job));
        running.put(job.id(), thread);
        thread.start();
        return job;
    }

    public Optional<ReplayJob> find(String organizationId, UUID id) {
        return jobs.find(organizationId, id);
    }

    private void run(ReplayJob job) {
        try {
            caseSummary.run(job.id(), () -> stopping);
        } catch (InterruptedException e) {
            log.warn("Rebuild {} of {} stopped with the service", job.id(), job.projection());
            failed(job, "Stopped with the service; start it again");
        } catch (RuntimeException e) {
            log.error("Rebuild {} of {} failed", job.id(), job.projection(), e);
            failed(job, "The rebuild failed and the live tables were left as they were; see the service log");
        } finally {
            running.remove(job.id());
        }
    }

    private void failed(ReplayJob job, String failure) {
        try {
            jobs.failed(job.id(), failure);
        } catch (RuntimeException e) {
            log.warn("Could not record the end of rebuild {}", job.id(), e);
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        stopping = true;
        for (Thread thread : running.values()) {
            thread.join(10_000);
        }
    }
}
