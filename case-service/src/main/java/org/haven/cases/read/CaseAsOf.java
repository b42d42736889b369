package org.haven.cases.read;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.haven.cases.domain.CaseEvent;
import org.haven.cases.domain.intake.CaseOpened;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A case as it was at an instant, rebuilt from the event store (not the projection) with the projection's own
 * {@link CaseFold}: the events up to the first one recorded after the instant.
 */
@Component
public class CaseAsOf {

    private final EventStore eventStore;

    CaseAsOf(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** Empty when the case is not the organization's, or did not exist yet at that instant. */
    public Optional<CaseView> rebuild(String organizationId, UUID caseId, Instant asOf) {
        // From sequence 0: readEvents(id) alone would start at the aggregate's latest snapshot.
        DomainEventStream stream = eventStore.readEvents(caseId.toString(), 0);
        List<CaseFold.FoldedEvent> events = new ArrayList<>();
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (events.isEmpty() && message.getSequenceNumber() == 0
                    && !(message.getPayload() instanceof CaseOpened opened && opened.organizationId().equals(organizationId))) {
                return Optional.empty();
            }
            if (message.getTimestamp().isAfter(asOf)) {
                break;
            }
            events.add(new CaseFold.FoldedEvent((CaseEvent) message.getPayload(), message.getSequenceNumber(), message.getTimestamp()));
        }
        return Optional.ofNullable(CaseFold.fold(events));
    }
}
