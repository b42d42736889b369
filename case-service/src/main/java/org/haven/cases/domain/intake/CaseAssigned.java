package org.haven.cases.domain.intake;

import org.axonframework.serialization.Revision;
import org.haven.cases.domain.CaseEvent;
import org.haven.cases.domain.CaseId;

@Revision("1")
public record CaseAssigned(
        CaseId caseId,
        String assignee) implements CaseEvent {
}
