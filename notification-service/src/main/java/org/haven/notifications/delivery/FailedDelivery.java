package org.haven.notifications.delivery;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.UUID;

/** A delivery that was given up, with what is needed to understand and re-send it. */
public record FailedDelivery(UUID id, UUID notificationId, UUID eventId, UUID caseId, String eventType,
                             String recipient, String messageId, int attempts, @Nullable String lastError,
                             Instant createdAt, Instant failedAt) {
}
