package org.haven.events;

import org.haven.events.vocabulary.DeadlineType;
import org.haven.events.vocabulary.EligibilityResult;
import org.haven.events.vocabulary.Pathway;

import java.time.LocalDate;
import java.util.List;

/**
 * What eligibility-service concludes about a case (or a screening) as of a date, under a named rule-set
 * version: each pathway's result with its reasons, the case's full list of computed deadlines, and warnings.
 * The same shape answers {@code POST /api/eligibility/screenings} and {@code GET /api/cases/{id}/deadlines}.
 */
public record Assessment(
        LocalDate asOf,
        String ruleSetVersion,
        List<PathwayResult> pathways,
        List<Deadline> deadlines,
        List<Warning> warnings) {

    public record PathwayResult(Pathway pathway, EligibilityResult result, List<Reason> reasons) {
    }

    public record Reason(String ruleId, String citation, String message) {
    }

    /**
     * A computed deadline. {@code remindDaysBefore} lists when reminders are due (e.g. 90, 60, 30 for parole);
     * case-service schedules each reminder and the due date itself.
     */
    public record Deadline(DeadlineType type, LocalDate dueOn, String ruleId, String citation, List<Integer> remindDaysBefore) {
    }

    public record Warning(String ruleId, String message) {
    }
}
