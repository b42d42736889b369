package org.haven.cases.domain.ead;

import org.axonframework.serialization.Revision;
import org.haven.cases.domain.CaseEvent;
import org.haven.cases.domain.CaseId;

import java.time.LocalDate;

@Revision("1")
public record EadDenied(
        CaseId caseId,
        LocalDate date) implements CaseEvent {
}
