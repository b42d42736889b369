package org.haven.cases.domain.asylum;

import org.axonframework.serialization.Revision;
import org.haven.cases.domain.CaseEvent;
import org.haven.cases.domain.CaseId;

import java.time.LocalDate;

@Revision("1")
public record AsylumGranted(
        CaseId caseId,
        LocalDate date) implements CaseEvent {
}
