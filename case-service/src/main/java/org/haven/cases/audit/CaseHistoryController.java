package org.haven.cases.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.haven.cases.config.AxonConfiguration;
import org.haven.cases.domain.intake.CaseOpened;
import org.haven.support.identity.HavenIdentity;
import org.haven.support.problem.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.UUID;

/** The audit trail: every event of a case in order, read from the event store itself, not a projection. */
@RestController
class CaseHistoryController {

    private final EventStore eventStore;
    private final JsonMapper json;

    CaseHistoryController(EventStore eventStore, JsonMapper json) {
        this.eventStore = eventStore;
        this.json = json;
    }

    @GetMapping("/api/cases/{caseId}/history")
    List<HistoryEntry> history(@PathVariable UUID caseId) {
        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(caseId.toString()).asStream().toList();
        if (events.isEmpty() || !(events.getFirst().getPayload() instanceof CaseOpened opened)
                || !opened.organizationId().equals(HavenIdentity.current().organizationId())) {
            throw new NotFoundException("No case " + caseId);
        }
        return events.stream()
                .map(event -> new HistoryEntry(
                        event.getSequenceNumber(),
                        event.getPayloadType().getSimpleName(),
                        event.getTimestamp(),
                        (String) event.getMetaData().get(AxonConfiguration.ACTOR),
                        json.valueToTree(event.getPayload())))
                .toList();
    }
}
