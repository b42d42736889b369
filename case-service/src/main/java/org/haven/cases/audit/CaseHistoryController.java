package org.haven.cases.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.haven.cases.config.AxonConfiguration;
import org.haven.cases.domain.HashChain;
import org.haven.cases.domain.intake.CaseOpened;
import org.haven.support.identity.HavenIdentity;
import org.haven.support.identity.Role;
import org.haven.support.problem.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The audit trail, read from the event store itself, never a projection: every event of a case in order with
 * its hash chain, and the chain's verification. Every role of the organization reads the history (INTAKE
 * included: it recorded much of it); verification is for AUDITOR, CASEWORKER and ADMIN. Another organization's
 * case is a 404.
 */
@RestController
class CaseHistoryController {

    private static final Logger log = LoggerFactory.getLogger(CaseHistoryController.class);

    private final EventStore eventStore;
    private final JsonMapper json;

    CaseHistoryController(EventStore eventStore, JsonMapper json) {
        this.eventStore = eventStore;
        this.json = json;
    }

    @GetMapping("/api/cases/{caseId}/history")
    List<HistoryEntry> history(@PathVariable UUID caseId) {
        List<HistoryEntry> entries = new ArrayList<>();
        DomainEventStream events = ownEvents(caseId);
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            entries.add(new HistoryEntry(
                    event.getSequenceNumber(),
                    event.getPayloadType().getSimpleName(),
                    event.getTimestamp(),
                    metaData(event, AxonConfiguration.ACTOR),
                    payload(event),
                    metaData(event, HashChain.HASH),
                    metaData(event, HashChain.PREVIOUS_HASH)));
        }
        return entries;
    }

    @GetMapping("/api/audit/cases/{caseId}/verify")
    ChainVerification verify(@PathVariable UUID caseId) {
        HavenIdentity identity = HavenIdentity.current();
        if (!(identity.has(Role.AUDITOR) || identity.has(Role.CASEWORKER) || identity.has(Role.ADMIN))) {
            throw new AccessDeniedException("Verification is an audit read");
        }
        DomainEventStream events = ownEvents(caseId);
        long stored = eventStore.lastSequenceNumberFor(caseId.toString()).map(last -> last + 1).orElse(0L);
        ChainVerification verification = ChainVerification.of(events, stored);
        if (!verification.valid()) {
            log.warn("Hash chain of case {} is broken at sequence {}", caseId, verification.firstBrokenSequence());
        }
        return verification;
    }

    /**
     * The case's events from sequence 0 (not from its latest snapshot), when its first event says it is the
     * caller's organization's. A {@code CaseOpened} that no longer reads falls back to the organization in its
     * metadata, so that a tampered opening can still be verified.
     */
    private DomainEventStream ownEvents(UUID caseId) {
        DomainEventStream events = eventStore.readEvents(caseId.toString(), 0);
        DomainEventMessage<?> first = events.hasNext() ? events.peek() : null;
        if (first == null || first.getSequenceNumber() != 0
                || !HavenIdentity.current().organizationId().equals(organizationOf(first))) {
            throw new NotFoundException("No case " + caseId);
        }
        return events;
    }

    private static @Nullable String organizationOf(DomainEventMessage<?> opening) {
        try {
            return opening.getPayload() instanceof CaseOpened opened ? opened.organizationId() : null;
        } catch (RuntimeException unreadable) {
            return metaData(opening, AxonConfiguration.ORGANIZATION);
        }
    }

    private @Nullable JsonNode payload(DomainEventMessage<?> event) {
        try {
            return json.valueToTree(event.getPayload());
        } catch (RuntimeException unreadable) {
            log.warn("Event {} of case {} no longer reads", event.getSequenceNumber(), event.getAggregateIdentifier(), unreadable);
            return null;
        }
    }

    private static @Nullable String metaData(DomainEventMessage<?> event, String key) {
        try {
            return event.getMetaData().get(key) instanceof String value ? value : null;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }
}
