package org.haven.notifications.feed;

/** Where a notification is delivered; webhooks and email come with their slices. */
public enum Channel {
    IN_APP
}
