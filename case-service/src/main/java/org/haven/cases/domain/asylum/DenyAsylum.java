package org.haven.cases.domain.asylum;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.haven.cases.domain.CaseCommand;
import org.haven.cases.domain.CaseId;

import java.time.LocalDate;
import java.util.List;

public record DenyAsylum(
        @TargetAggregateIdentifier CaseId caseId,
        LocalDate date) implements CaseCommand {

    @Override
    public List<LocalDate> factDates() {
        return CaseCommand.dates(date);
    }
}
