package org.haven.cases.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

public record OpenCase(
        @TargetAggregateIdentifier CaseId caseId,
        String organizationId,
        String caseNumber,
        Client client,
        @Nullable LocalDate lastArrivalDate,
        boolean unaccompaniedMinor) {
}
