package org.haven.cases.domain.asylum;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.haven.cases.domain.CaseCommand;
import org.haven.cases.domain.CaseId;
import org.haven.events.vocabulary.ClockStopReason;

import java.time.LocalDate;
import java.util.List;

public record StopAsylumClock(
        @TargetAggregateIdentifier CaseId caseId,
        LocalDate date,
        ClockStopReason reason) implements CaseCommand {

    @Override
    public List<LocalDate> factDates() {
        return CaseCommand.dates(date);
    }
}
