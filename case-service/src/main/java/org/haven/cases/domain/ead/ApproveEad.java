package org.haven.cases.domain.ead;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.haven.cases.domain.CaseCommand;
import org.haven.cases.domain.CaseId;

import java.time.LocalDate;
import java.util.List;

public record ApproveEad(
        @TargetAggregateIdentifier CaseId caseId,
        LocalDate validFrom,
        LocalDate validUntil) implements CaseCommand {

    @Override
    public List<LocalDate> factDates() {
        return CaseCommand.dates(validFrom, validUntil);
    }
}
