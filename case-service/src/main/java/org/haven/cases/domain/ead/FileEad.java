package org.haven.cases.domain.ead;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.haven.cases.domain.CaseCommand;
import org.haven.cases.domain.CaseId;
import org.haven.events.vocabulary.EadCategory;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.List;

public record FileEad(
        @TargetAggregateIdentifier CaseId caseId,
        EadCategory category,
        LocalDate filedOn,
        boolean renewal,
        @Nullable String receiptNumber) implements CaseCommand {

    @Override
    public List<LocalDate> factDates() {
        return CaseCommand.dates(filedOn);
    }
}
