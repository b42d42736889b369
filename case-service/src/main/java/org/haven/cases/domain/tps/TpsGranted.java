package org.haven.cases.domain.tps;

import org.axonframework.serialization.Revision;
import org.haven.cases.domain.CaseEvent;
import org.haven.cases.domain.CaseId;

import java.time.LocalDate;

@Revision("1")
public record TpsGranted(
        CaseId caseId,
        LocalDate date,
        LocalDate validUntil) implements CaseEvent {
}
