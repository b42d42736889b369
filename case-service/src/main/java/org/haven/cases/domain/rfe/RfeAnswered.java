package org.haven.cases.domain.rfe;

import org.axonframework.serialization.Revision;
import org.haven.cases.domain.CaseEvent;
import org.haven.cases.domain.CaseId;

import java.time.LocalDate;
import java.util.UUID;

@Revision("1")
public record RfeAnswered(
        CaseId caseId,
        UUID rfeId,
        LocalDate answeredOn) implements CaseEvent {
}
