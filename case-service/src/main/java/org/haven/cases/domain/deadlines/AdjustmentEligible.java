package org.haven.cases.domain.deadlines;

import org.axonframework.serialization.Revision;
import org.haven.cases.domain.CaseId;
import org.haven.events.vocabulary.DeadlineType;

import java.time.LocalDate;

@Revision("1")
public record AdjustmentEligible(CaseId caseId, DeadlineType deadlineType, LocalDate dueOn, int daysBefore, String ruleId,
        String citation) implements DeadlineReached {
}
