package org.haven.notifications.delivery;

public enum DeliveryStatus {
    /** Not yet delivered: due at {@code next_attempt_at}, or claimed by a sender until then. */
    PENDING,
    DELIVERED,
    /** Given up: a final refusal, or retries ran out of time. Webhook failures form the dead-letter list. */
    FAILED
}
