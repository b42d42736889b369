package org.haven.notifications.delivery;

import org.jspecify.annotations.Nullable;

/**
 * A delivery to be made, as a channel plans it while the event is consumed.
 *
 * @param recipient a user id (email), a subscription id (webhook) or the organization (in-app)
 * @param messageId what the receiver may dedupe by: the {@code webhook-id}, the email {@code Message-ID};
 *                  the same on every attempt
 * @param payload   the exact body to send, fixed now so that every attempt sends the same bytes (webhooks)
 */
public record PendingDelivery(Channel channel, String recipient, String messageId, @Nullable String payload) {
}
