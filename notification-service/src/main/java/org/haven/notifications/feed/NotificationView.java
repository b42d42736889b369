package org.haven.notifications.feed;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One entry of {@code GET /api/notifications}. */
public record NotificationView(
        UUID id,
        UUID caseId,
        UUID eventId,
        String eventType,
        NotificationKind kind,
        String message,
        Instant createdAt,
        boolean read,
        List<DeliveryView> deliveries) {

    public record DeliveryView(Channel channel, DeliveryStatus status, int attempts) {
    }
}
