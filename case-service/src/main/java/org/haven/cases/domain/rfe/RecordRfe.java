package org.haven.cases.domain.rfe;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.haven.cases.domain.CaseCommand;
import org.haven.cases.domain.CaseId;
import org.haven.events.vocabulary.Filing;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public record RecordRfe(
        @TargetAggregateIdentifier CaseId caseId,
        UUID rfeId,
        Filing filing,
        LocalDate receivedOn,
        LocalDate respondBy) implements CaseCommand {

    @Override
    public List<LocalDate> factDates() {
        return CaseCommand.dates(receivedOn, respondBy);
    }
}
