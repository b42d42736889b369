package org.haven.events;

import java.util.Map;
import java.util.Optional;

/**
 * The payload of a case event as other services see it: ids, dates and codes only. Each record's simple
 * name is the event's {@code type}.
 */
public sealed interface CaseEventPayload permits CaseOpenedPayload {

    /** Payload classes by event type, for consumers that read the envelope's {@code type} first. */
    Map<String, Class<? extends CaseEventPayload>> TYPES = Map.of(
            "CaseOpened", CaseOpenedPayload.class);

    static Optional<Class<? extends CaseEventPayload>> typeNamed(String type) {
        return Optional.ofNullable(TYPES.get(type));
    }

    default String type() {
        return getClass().getSimpleName().replace("Payload", "");
    }
}
