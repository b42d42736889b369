package org.haven.notifications.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A subscription as stored, secret included; never an API body (see {@link WebhookView}). */
record WebhookSubscription(UUID id, String organizationId, String url, List<String> eventTypes, String secret,
                           Instant createdAt) {

    WebhookView view() {
        return new WebhookView(id, url, eventTypes, createdAt);
    }
}
