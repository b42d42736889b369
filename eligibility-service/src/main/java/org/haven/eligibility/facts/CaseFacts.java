package org.haven.eligibility.facts;

import org.haven.eligibility.assessment.Assessor;
import org.haven.eligibility.publishing.AssessmentPublisher;
import org.haven.eligibility.publishing.AssessmentPublisher.AssessedCase;
import org.haven.events.Assessment;
import org.haven.events.CaseEventEnvelope;
import org.haven.events.CaseEventPayload;
import org.haven.support.kafka.ProcessedEvents;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Records each case event as a fact of its case, at most once, and re-assesses the case as of today: the event's id
 * is claimed, the fact written, and a changed assessment put in the outbox, all in one transaction — so a
 * redelivered event finds its id taken and publishes nothing new, and a crash publishes nothing half-done.
 * The events of one Kafka poll share that transaction, and a case with several new facts in it is re-assessed once,
 * after the last: an assessment that the next fact would replace at once is never published, which is what keeps
 * this service and everything behind it (case-service recording the assessment, its deadlines, notifications) from
 * falling further behind under load.
 *
 * <p>What eligibility-service publishes, and the deadlines case-service records from it, come back on the case
 * topic: {@code EligibilityAssessed} and every {@code DeadlineReached}. They are not facts of the case for the rules,
 * or each assessment would cause the next; having no effect here, they are not claimed either (the listener passes
 * over them unread, by their type header).
 */
@Service
public class CaseFacts {

    /** This effect's name in {@code processed_event}. */
    static final String CONSUMER = "eligibility-case-facts";

    private static final Logger log = LoggerFactory.getLogger(CaseFacts.class);

    private final ProcessedEvents processedEvents;
    private final CaseFactLog factLog;
    private final Assessor assessor;
    private final AssessmentPublisher publisher;
    private final Clock clock;

    CaseFacts(ProcessedEvents processedEvents, CaseFactLog factLog, Assessor assessor, AssessmentPublisher publisher, Clock clock) {
        this.processedEvents = processedEvents;
        this.factLog = factLog;
        this.assessor = assessor;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** A case event as it arrived, with the W3C trace context of its message (null when it had none). */
    public record Arrived(CaseEventEnvelope<?> event, @Nullable String traceparent) {
    }

    /** The events of one poll, in their order: each recorded at most once; each case touched re-assessed once. */
    @Transactional
    public void recordAll(List<Arrived> events) {
        Map<UUID, Arrived> lastNewFactOfCase = new LinkedHashMap<>();
        for (Arrived arrived : events) {
            CaseEventEnvelope<?> event = arrived.event();
            if (!isFact(event.payload().getClass())) {
                log.debug("Case event {} ({}) is this service's own output coming back; not a fact", event.eventId(), event.type());
                continue;
            }
            if (!processedEvents.claim(event.eventId(), CONSUMER)) {
                log.debug("Case event {} is already recorded", event.eventId());
                continue;
            }
            factLog.append(event);
            lastNewFactOfCase.put(event.caseId(), arrived);
        }
        lastNewFactOfCase.values().forEach(this::assess);
    }

    private void assess(Arrived last) {
        CaseEventEnvelope<?> event = last.event();
        Assessment assessment = assessor.assess(factLog.historyOf(event.caseId()), LocalDate.now(clock));
        boolean published = publisher.publishIfChanged(
                new AssessedCase(event.caseId(), event.organizationId(), event.sequence()), assessment,
                "event:" + event.eventId(), last.traceparent());
        log.debug("Re-assessed case {} ({}) after {} #{}; assessment {}", event.caseId(), event.organizationId(),
                event.type(), event.sequence(), published ? "changed, published" : "unchanged");
    }

    /** An event of a type this build does not know: claimed all the same, so that it is never handled later. */
    @Transactional
    public void unknownCaseEventSkipped(UUID eventId) {
        processedEvents.claim(eventId, CONSUMER);
    }

    /**
     * Re-assesses one case as of a new day: deadlines and results that depend on the date (a deadline passed, a rule
     * that took effect) change without any new event. Locks the case so that a concurrent event waits its turn.
     */
    @Transactional
    public boolean reassess(UUID caseId, LocalDate asOf) {
        return publisher.lockCase(caseId)
                .map(assessed -> publisher.publishIfChanged(assessed, assessor.assess(factLog.historyOf(caseId), asOf),
                        "day:" + asOf, null))
                .orElse(false);
    }

    /** Whether events of this type are facts of the case for the rules; not this service's own output coming back. */
    public static boolean isFact(Class<? extends CaseEventPayload> type) {
        return !CaseEventPayload.EligibilityAssessed.class.isAssignableFrom(type)
                && !CaseEventPayload.DeadlineReached.class.isAssignableFrom(type);
    }
}
