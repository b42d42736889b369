package org.haven.cases.domain.intake;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.haven.cases.domain.CaseCommand;
import org.haven.cases.domain.CaseId;

import java.util.UUID;

public record AddNote(
        @TargetAggregateIdentifier CaseId caseId,
        UUID noteId,
        String text) implements CaseCommand {
}
