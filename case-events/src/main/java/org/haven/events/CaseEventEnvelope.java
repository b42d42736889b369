package org.haven.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The value of every message on {@link Topics#CASE_EVENTS}: who, what and when, around a PII-free payload.
 *
 * @param eventId        unique per event; consumers dedupe by it
 * @param type           the event name of the vocabulary, e.g. {@code CaseOpened}
 * @param caseId         the case, also the message key
 * @param organizationId the tenant the case belongs to
 * @param sequence       the event's position in its case's history, from 0
 * @param occurredAt     when the event was recorded
 * @param payload        the event's fields as in {@link CaseEventPayload}
 */
public record CaseEventEnvelope<P extends CaseEventPayload>(
        UUID eventId,
        String type,
        UUID caseId,
        String organizationId,
        long sequence,
        Instant occurredAt,
        P payload) {
}
