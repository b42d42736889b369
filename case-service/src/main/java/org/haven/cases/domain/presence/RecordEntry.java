package org.haven.cases.domain.presence;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.haven.cases.domain.CaseCommand;
import org.haven.cases.domain.CaseId;
import org.haven.events.vocabulary.EntryManner;

import java.time.LocalDate;
import java.util.List;

public record RecordEntry(
        @TargetAggregateIdentifier CaseId caseId,
        LocalDate date,
        EntryManner manner) implements CaseCommand {

    @Override
    public List<LocalDate> factDates() {
        return CaseCommand.dates(date);
    }
}
