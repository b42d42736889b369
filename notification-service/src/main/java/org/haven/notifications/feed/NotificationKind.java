package org.haven.notifications.feed;

/** Why a notification exists; deadline reminders and rule warnings join {@code UPDATE} with the eligibility events. */
public enum NotificationKind {
    UPDATE
}
