package org.haven.cases.read;

import org.haven.events.vocabulary.DeadlineType;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.UUID;

/** A computed deadline as {@code GET /api/cases/{id}/deadlines} shows it; status as {@link CaseDeadlines} decides. */
public record DeadlineView(DeadlineType type, LocalDate dueOn, String ruleId, String citation,
                           CaseDeadlines.Status status, @Nullable LocalDate metOn) {

    static DeadlineView of(CaseDeadlines.Tracked deadline, LocalDate today) {
        return new DeadlineView(deadline.type(), deadline.dueOn(), deadline.ruleId(), deadline.citation(),
                CaseDeadlines.status(deadline, today), deadline.metOn());
    }

    /** One deadline of {@code GET /api/deadlines}: which case and client it belongs to, and the deadline. */
    public record OfCase(UUID caseId, String caseNumber, CaseListItem.ClientName client, DeadlineType type, LocalDate dueOn,
                         String ruleId, String citation, CaseDeadlines.Status status, @Nullable LocalDate metOn) {
    }
}
