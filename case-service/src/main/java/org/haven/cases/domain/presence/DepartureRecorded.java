package org.haven.cases.domain.presence;

import org.axonframework.serialization.Revision;
import org.haven.cases.domain.CaseEvent;
import org.haven.cases.domain.CaseId;

import java.time.LocalDate;

@Revision("1")
public record DepartureRecorded(
        CaseId caseId,
        LocalDate date,
        boolean advanceParole) implements CaseEvent {
}
