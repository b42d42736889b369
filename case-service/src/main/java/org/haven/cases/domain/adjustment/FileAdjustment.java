package org.haven.cases.domain.adjustment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.haven.cases.domain.CaseCommand;
import org.haven.cases.domain.CaseId;
import org.haven.events.vocabulary.AdjustmentBasis;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.List;

public record FileAdjustment(
        @TargetAggregateIdentifier CaseId caseId,
        LocalDate filedOn,
        AdjustmentBasis basis,
        @Nullable String receiptNumber) implements CaseCommand {

    @Override
    public List<LocalDate> factDates() {
        return CaseCommand.dates(filedOn);
    }
}
