package org.haven.eligibility.facts;

import org.haven.eligibility.publishing.AssessmentPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Once a day, every case not yet evaluated that day is re-assessed as of it, one transaction per case; a change is
 * published like any other. Several replicas may run it at once: the per-case lock and the content hash make the
 * second evaluation of a case find nothing new.
 */
@Component
class DailyReassessment {

    private static final Logger log = LoggerFactory.getLogger(DailyReassessment.class);

    private final CaseFacts facts;
    private final AssessmentPublisher publisher;
    private final Clock clock;

    DailyReassessment(CaseFacts facts, AssessmentPublisher publisher, Clock clock) {
        this.facts = facts;
        this.publisher = publisher;
        this.clock = clock;
    }

    @Scheduled(cron = "${haven.eligibility.daily-reassessment-cron}", zone = "${haven.eligibility.zone}")
    void reassessToday() {
        reassessAllAsOf(LocalDate.now(clock));
    }

    int reassessAllAsOf(LocalDate day) {
        List<UUID> cases = publisher.casesNotEvaluatedOn(day);
        int changed = 0;
        for (UUID caseId : cases) {
            if (facts.reassess(caseId, day)) {
                changed++;
            }
        }
        log.info("Re-assessed {} cases as of {}: {} changed", cases.size(), day, changed);
        return changed;
    }
}
