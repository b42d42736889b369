package org.haven.cases.domain.intake;

import org.axonframework.serialization.Revision;
import org.haven.cases.domain.CaseEvent;
import org.haven.cases.domain.CaseId;
import org.haven.cases.domain.Client;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

@Revision("1")
public record ClientDetailsCorrected(
        CaseId caseId,
        Client client,
        @Nullable LocalDate lastArrivalDate,
        boolean unaccompaniedMinor) implements CaseEvent {
}
