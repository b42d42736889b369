package org.haven.notifications.delivery;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.UUID;

/**
 * A delivery a sender holds for one attempt. {@code attempt} fences the outcome: only the holder of this
 * attempt can record it, so a sender that outlived its lease cannot overwrite a later attempt's result.
 */
public record ClaimedDelivery(UUID id, UUID notificationId, String organizationId, UUID eventId, Channel channel,
                              String recipient, String messageId, @Nullable String payload, int attempt,
                              Instant giveUpAt) {
}
