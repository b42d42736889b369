package org.haven.cases.domain.intake;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.haven.cases.domain.CaseCommand;
import org.haven.cases.domain.CaseId;

public record AssignCase(
        @TargetAggregateIdentifier CaseId caseId,
        String assignee) implements CaseCommand {
}
