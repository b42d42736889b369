package org.haven.cases.domain.parole;

import org.axonframework.serialization.Revision;
import org.haven.cases.domain.CaseEvent;
import org.haven.cases.domain.CaseId;

import java.time.LocalDate;

@Revision("1")
public record ParoleDenied(
        CaseId caseId,
        LocalDate date) implements CaseEvent {
}
