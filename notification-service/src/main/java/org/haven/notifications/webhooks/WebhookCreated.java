package org.haven.notifications.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The answer to {@code POST /api/webhooks}: the only time the secret is shown. */
public record WebhookCreated(UUID id, String url, List<String> eventTypes, String secret, Instant createdAt) {
}
