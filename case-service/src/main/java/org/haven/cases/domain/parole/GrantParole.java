package org.haven.cases.domain.parole;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.haven.cases.domain.CaseCommand;
import org.haven.cases.domain.CaseId;
import org.haven.events.vocabulary.FeeExemption;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.List;

public record GrantParole(
        @TargetAggregateIdentifier CaseId caseId,
        LocalDate grantedOn,
        LocalDate validUntil,
        @Nullable String program,
        @Nullable FeeExemption feeExemption,
        @Nullable String receiptNumber) implements CaseCommand {

    @Override
    public List<LocalDate> factDates() {
        return CaseCommand.dates(grantedOn, validUntil);
    }
}
