package org.haven.cases.domain;

import org.axonframework.serialization.Revision;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

@Revision("1")
public record CaseOpened(
        CaseId caseId,
        String organizationId,
        String caseNumber,
        Client client,
        @Nullable LocalDate lastArrivalDate,
        boolean unaccompaniedMinor) {
}
