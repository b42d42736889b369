package org.haven.events;

/**
 * Headers on every Haven Kafka message: Haven's own envelope fields, a W3C {@code traceparent}, and
 * CloudEvents 1.0 in Kafka binary mode ({@code ce_*}).
 */
public final class EventHeaders {

    public static final String EVENT_ID = "haven_event_id";
    /**
     * The envelope's {@code type}, which the value's payload must match: consumers pass over the events they do
     * nothing with by this header alone, without reading the value.
     */
    public static final String EVENT_TYPE = "haven_event_type";
    public static final String CASE_ID = "haven_case_id";
    public static final String ORGANIZATION_ID = "haven_organization_id";
    public static final String SEQUENCE = "haven_sequence";
    public static final String OCCURRED_AT = "haven_occurred_at";
    public static final String TRACEPARENT = "traceparent";

    public static final String CE_ID = "ce_id";
    public static final String CE_TYPE = "ce_type";
    public static final String CE_SOURCE = "ce_source";
    public static final String CE_SPECVERSION = "ce_specversion";
    public static final String CE_TIME = "ce_time";
    public static final String CE_SUBJECT = "ce_subject";

    public static final String CE_SPECVERSION_VALUE = "1.0";
    /** CloudEvents {@code type} is reverse-DNS qualified: {@code org.haven.case.CaseOpened}. */
    public static final String CE_TYPE_PREFIX = "org.haven.case.";

    private EventHeaders() {
    }
}
