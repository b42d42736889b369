package org.haven.cases.domain.asylum;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.haven.cases.domain.CaseCommand;
import org.haven.cases.domain.CaseId;
import org.haven.events.vocabulary.AsylumKind;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.List;

public record FileAsylum(
        @TargetAggregateIdentifier CaseId caseId,
        LocalDate filedOn,
        AsylumKind kind,
        @Nullable String receiptNumber) implements CaseCommand {

    @Override
    public List<LocalDate> factDates() {
        return CaseCommand.dates(filedOn);
    }
}
