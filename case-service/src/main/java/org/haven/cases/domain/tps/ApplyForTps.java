package org.haven.cases.domain.tps;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.haven.cases.domain.CaseCommand;
import org.haven.cases.domain.CaseId;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.List;

public record ApplyForTps(
        @TargetAggregateIdentifier CaseId caseId,
        String country,
        LocalDate filedOn,
        @Nullable String receiptNumber) implements CaseCommand {

    @Override
    public List<LocalDate> factDates() {
        return CaseCommand.dates(filedOn);
    }
}
