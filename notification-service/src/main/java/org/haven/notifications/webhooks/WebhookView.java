package org.haven.notifications.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A subscription as {@code GET /api/webhooks} shows it: without its secret. */
public record WebhookView(UUID id, String url, List<String> eventTypes, Instant createdAt) {
}
