package org.haven.cases.domain.deadlines;

import org.haven.events.vocabulary.DeadlineType;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One firing of a computed deadline: a reminder {@code daysBefore} its due date, or the due date itself
 * ({@code daysBefore} 0). Its {@link #key()} identifies it across re-assessments, so it fires once.
 */
public record ScheduledDeadline(
        DeadlineType deadlineType,
        LocalDate dueOn,
        int daysBefore,
        String ruleId,
        String citation,
        Instant firesAt) {

    public String key() {
        return deadlineType + "/" + dueOn + "/" + daysBefore;
    }
}
