package org.haven.cases.domain.rfe;

import org.axonframework.serialization.Revision;
import org.haven.cases.domain.CaseEvent;
import org.haven.cases.domain.CaseId;
import org.haven.events.vocabulary.Filing;

import java.time.LocalDate;
import java.util.UUID;

@Revision("1")
public record RfeReceived(
        CaseId caseId,
        UUID rfeId,
        Filing filing,
        LocalDate receivedOn,
        LocalDate respondBy) implements CaseEvent {
}
