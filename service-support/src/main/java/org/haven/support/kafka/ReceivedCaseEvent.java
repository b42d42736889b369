package org.haven.support.kafka;

import org.haven.events.CaseEventEnvelope;
import org.haven.events.CaseEventPayload;

import java.util.UUID;

/** A case event as read off Kafka: one whose type this build knows, or one it can only acknowledge. */
public sealed interface ReceivedCaseEvent {

    UUID eventId();

    String type();

    record Recognized(CaseEventEnvelope<? extends CaseEventPayload> envelope) implements ReceivedCaseEvent {
        @Override
        public UUID eventId() {
            return envelope.eventId();
        }

        @Override
        public String type() {
            return envelope.type();
        }
    }

    /** A type added to the contract after this build; skipped, but still claimed so it is never looked at again. */
    record Unrecognized(UUID eventId, String type) implements ReceivedCaseEvent {
    }
}
