package org.haven.eligibility.facts;

import org.haven.events.CaseEventEnvelope;
import org.haven.support.kafka.ProcessedEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.UUID;

/**
 * Records each case event as a fact of its case, at most once: the event's id is claimed in the same
 * transaction that writes the fact, so a redelivered event finds it taken.
 */
@Service
public class CaseFacts {

    /** This effect's name in {@code processed_event}. */
    static final String CONSUMER = "eligibility-case-facts";

    private static final Logger log = LoggerFactory.getLogger(CaseFacts.class);

    private final ProcessedEvents processedEvents;
    private final CaseFactLog factLog;

    CaseFacts(ProcessedEvents processedEvents, CaseFactLog factLog) {
        this.processedEvents = processedEvents;
        this.factLog = factLog;
    }

    @Transactional
    public void record(CaseEventEnvelope<?> event) {
        if (!processedEvents.claim(event.eventId(), CONSUMER)) {
            log.debug("Case event {} is already recorded", event.eventId());
            return;
        }
        factLog.append(event);
        log.info("Recorded {} #{} of case {} ({}) as a fact", event.type(), event.sequence(), event.caseId(),
                event.organizationId());
        // PLACEHOLDER — assessment of the case is not implemented yet: the rules of rules.md (named,
        // cited, effective-dated policies) and the EligibilityAssessed event on haven.eligibility-events.v1
        // come with their own issue. Until then no result, deadline or warning is computed or published here.
    }

    /** An event of a type this build does not know: claimed all the same, so that it is never handled later. */
    @Transactional
    public void unknownCaseEventSkipped(UUID eventId) {
        processedEvents.claim(eventId, CONSUMER);
    }
}
