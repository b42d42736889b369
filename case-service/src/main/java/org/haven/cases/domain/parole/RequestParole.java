package org.haven.cases.domain.parole;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.haven.cases.domain.CaseCommand;
import org.haven.cases.domain.CaseId;
import org.haven.events.vocabulary.FeeExemption;
import org.haven.events.vocabulary.ParoleBasis;
import org.haven.events.vocabulary.ParoleKind;
import org.haven.events.vocabulary.ParoleUrgency;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.List;

public record RequestParole(
        @TargetAggregateIdentifier CaseId caseId,
        LocalDate filedOn,
        ParoleKind kind,
        ParoleBasis basis,
        ParoleUrgency urgency,
        @Nullable FeeExemption feeExemption,
        @Nullable String receiptNumber) implements CaseCommand {

    @Override
    public List<LocalDate> factDates() {
        return CaseCommand.dates(filedOn);
    }
}
