package org.haven.notifications.feed;

import org.haven.notifications.delivery.Channel;
import org.haven.notifications.delivery.DeliveryStatus;
import org.haven.notifications.policy.NotificationKind;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One entry of {@code GET /api/notifications} and of the stream.
 *
 * @param message   the notification in the reader's {@code language}
 * @param nextStep  what to do next, in the same language
 * @param ruleId    the rule of rules.md the notification concerns, where there is one
 * @param recipient the caseworker it was addressed to (the case's assignee then)
 * @param facts     the dates and codes the message is made of, by name
 * @param read      whether the reader has marked it read
 */
public record NotificationView(
        UUID id,
        UUID caseId,
        UUID eventId,
        String eventType,
        NotificationKind kind,
        @Nullable String ruleId,
        @Nullable String citation,
        String message,
        String nextStep,
        String language,
        @Nullable String recipient,
        @Nullable String clientLanguage,
        Map<String, String> facts,
        Instant createdAt,
        boolean read,
        List<DeliveryView> deliveries) {

    /** @param recipient a user id (email), a subscription id (webhook) or the organization (in-app) */
    public record DeliveryView(Channel channel, String recipient, DeliveryStatus status, int attempts,
                               @Nullable String lastError, Instant updatedAt) {
    }
}
