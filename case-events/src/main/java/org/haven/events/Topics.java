package org.haven.events;

/** Kafka topic names. A breaking change to a payload means a new topic version, not an edit. */
public final class Topics {

    /** Every case event, keyed by case id so that a case's events stay in order. */
    public static final String CASE_EVENTS = "haven.case-events.v1";

    /** {@code EligibilityAssessed} for each case, keyed by case id. */
    public static final String ELIGIBILITY_EVENTS = "haven.eligibility-events.v1";

    /**
     * Each organization's reminder lead times ({@link ReminderSettings}), keyed by organization id, published by
     * notification-service whenever an administrator changes them and again at its start. Compacted: the latest
     * record of an organization is its settings.
     */
    public static final String REMINDER_SETTINGS = "haven.reminder-settings.v1";

    /** Partitions per topic: enough for a few consumer instances per group, few enough for one small broker. */
    public static final int PARTITIONS = 6;

    private Topics() {
    }
}
