package org.haven.notifications.policy;

/**
 * How loudly a notification speaks. Urgent reminders are deadlines coming due; updates are facts recorded
 * on the case; an urgent alert is a fact that on its own puts the client's case at risk.
 */
public enum NotificationKind {
    URGENT_REMINDER, UPDATE, URGENT_ALERT
}
