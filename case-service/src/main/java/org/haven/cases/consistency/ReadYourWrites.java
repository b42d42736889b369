package org.haven.cases.consistency;

import org.haven.cases.read.CaseQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.UUID;

/**
 * A write answers only once the read model shows it, so that a client's next GET sees its own write
 * although projections are updated asynchronously by tracking processors. Bounded: after the timeout the
 * write still succeeded (the event is stored) and the answer says so; the projection catches up.
 */
@Component
public class ReadYourWrites {

    private static final Logger log = LoggerFactory.getLogger(ReadYourWrites.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final CaseQueries cases;

    ReadYourWrites(CaseQueries cases) {
        this.cases = cases;
    }

    public void awaitProjected(UUID caseId, long version) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        long pause = 2;
        while (cases.versionOf(caseId) < version) {
            if (System.nanoTime() > deadline) {
                log.warn("Read model has not reached version {} of case {} after {}", version, caseId, TIMEOUT);
                return;
            }
            sleep(pause);
            pause = Math.min(pause * 2, 50);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
