package org.haven.cases.domain.intake;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.haven.cases.domain.CaseCommand;
import org.haven.cases.domain.CaseId;
import org.haven.cases.domain.Client;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.List;

public record CorrectClientDetails(
        @TargetAggregateIdentifier CaseId caseId,
        Client client,
        @Nullable LocalDate lastArrivalDate,
        boolean unaccompaniedMinor) implements CaseCommand {

    @Override
    public List<LocalDate> factDates() {
        return CaseCommand.dates(lastArrivalDate);
    }
}
