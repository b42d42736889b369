package org.haven.cases.domain.intake;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.haven.cases.domain.CaseCommand;
import org.haven.cases.domain.CaseId;

public record ReopenCase(
        @TargetAggregateIdentifier CaseId caseId,
        String reason) implements CaseCommand {
}
