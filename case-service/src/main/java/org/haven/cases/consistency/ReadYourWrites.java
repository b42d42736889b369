package org.haven.cases.consistency;

import org.haven.cases.read.CaseQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A write answers only once the read model shows it, so that a client's next GET sees its own write although
 * projections are updated asynchronously by tracking processors. The projection reports each committed version
 * here ({@link #projected}), which wakes the waiting writes at once; when the projection runs in another
 * instance, the read model itself is checked. Bounded: after the timeout the write still succeeded (the event
 * is stored) and the projection catches up.
 */
@Component
public class ReadYourWrites {

    private static final Logger log = LoggerFactory.getLogger(ReadYourWrites.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Duration RECHECK_READ_MODEL = Duration.ofMillis(25);
    private static final int REMEMBERED_CASES = 50_000;

    private final CaseQueries cases;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition progressed = lock.newCondition();
    private final Map<UUID, Long> projectedVersions = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Long> eldest) {
            return size() > REMEMBERED_CASES;
        }
    };

    ReadYourWrites(CaseQueries cases) {
        this.cases = cases;
    }

    /** Called by the projection after its transaction committed. */
    public void projected(UUID caseId, long version) {
        lock.lock();
        try {
            projectedVersions.merge(caseId, version, Math::max);
            progressed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public void awaitProjected(UUID caseId, long version) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        long nextReadModelCheck = System.nanoTime() + RECHECK_READ_MODEL.toNanos();
        lock.lock();
        try {
            while (projectedVersions.getOrDefault(caseId, -1L) < version) {
                long now = System.nanoTime();
                if (now > deadline) {
                    log.warn("Read model has not reached version {} of case {} after {}", version, caseId, TIMEOUT);
                    return;
                }
                if (now > nextReadModelCheck) {
                    lock.unlock();
                    try {
                        if (cases.versionOf(caseId) >= version) {
                            return;
                        }
                    } finally {
                        lock.lock();
                    }
                    nextReadModelCheck = System.nanoTime() + RECHECK_READ_MODEL.toNanos();
                }
                progressed.await(Math.min(deadline, nextReadModelCheck) - System.nanoTime(), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }
}
