package org.haven.notifications.delivery;

/** Where a notification is delivered. */
public enum Channel {
    /** The organization's feed; delivered the moment the notification is written. */
    IN_APP,
    /** SMTP to the case's assigned caseworker. */
    EMAIL,
    /** A signed POST to each of the organization's matching subscriptions. */
    WEBHOOK
}
