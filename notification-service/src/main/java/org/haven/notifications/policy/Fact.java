package org.haven.notifications.policy;

/**
 * A PII-free value a notification carries from its event: dates, counts and codes only. Templates place
 * facts by {@link #placeholder()} and format them by {@link #format()}; webhooks send them by the same name.
 */
public enum Fact {
    DEADLINE_TYPE("deadlineType", Format.DEADLINE_TYPE),
    DUE_ON("dueOn", Format.DATE),
    DAYS_BEFORE("daysBefore", Format.DAYS),
    DATE("date", Format.DATE),
    FILED_ON("filedOn", Format.DATE),
    GRANTED_ON("grantedOn", Format.DATE),
    VALID_FROM("validFrom", Format.DATE),
    VALID_UNTIL("validUntil", Format.DATE),
    EAD_CATEGORY("category", Format.CODE),
    ASYLUM_KIND("asylumKind", Format.ASYLUM_KIND),
    RENEWAL("renewal", Format.BOOLEAN),
    ADVANCE_PAROLE("advanceParole", Format.BOOLEAN),
    ASSIGNEE("assignee", Format.CODE);

    /** How a fact's stored text becomes words in a template. */
    public enum Format {
        /** An ISO date, written the local way. */
        DATE,
        /** Whole days before a due date, written as "today", "in 1 day", "in 30 days". */
        DAYS,
        /** A {@code DeadlineType} name, written as its translated label. */
        DEADLINE_TYPE,
        /** An {@code AsylumKind} name, written as its translated label. */
        ASYLUM_KIND,
        /** A code shown as it is (an EAD category, a user id). */
        CODE,
        /** {@code true} or {@code false}; a flag for webhooks, not for sentences. */
        BOOLEAN
    }

    private final String placeholder;
    private final Format format;

    Fact(String placeholder, Format format) {
        this.placeholder = placeholder;
        this.format = format;
    }

    public String placeholder() {
        return placeholder;
    }

    public Format format() {
        return format;
    }

    public static java.util.Optional<Fact> byPlaceholder(String placeholder) {
        for (Fact fact : values()) {
            if (fact.placeholder.equals(placeholder)) {
                return java.util.Optional.of(fact);
            }
        }
        return java.util.Optional.empty();
    }
}
