package org.haven.notifications.delivery;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.UUID;

/** One delivery as the feed shows it with its notification. */
public record DeliveryView(UUID notificationId, Channel channel, String recipient, DeliveryStatus status, int attempts,
                           @Nullable String lastError, Instant updatedAt) {
}
