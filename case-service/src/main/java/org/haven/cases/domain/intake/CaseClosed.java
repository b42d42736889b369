package org.haven.cases.domain.intake;

import org.axonframework.serialization.Revision;
import org.haven.cases.domain.CaseEvent;
import org.haven.cases.domain.CaseId;

@Revision("1")
public record CaseClosed(
        CaseId caseId,
        String reason) implements CaseEvent {
}
