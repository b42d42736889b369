package org.haven.cases.domain.rfe;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.haven.cases.domain.CaseCommand;
import org.haven.cases.domain.CaseId;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public record AnswerRfe(
        @TargetAggregateIdentifier CaseId caseId,
        UUID rfeId,
        LocalDate answeredOn) implements CaseCommand {

    @Override
    public List<LocalDate> factDates() {
        return CaseCommand.dates(answeredOn);
    }
}
