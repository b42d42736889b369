package org.haven.cases.domain.deadlines;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.haven.cases.domain.CaseCommand;
import org.haven.cases.domain.CaseId;
import org.haven.events.Assessment;

import java.time.Instant;
import java.util.UUID;

/**
 * Records eligibility-service's latest assessment of the case and (re)schedules its deadlines.
 *
 * @param assessmentId the {@code EligibilityAssessed} message's event id; a redelivered message carries the same
 * @param assessedAt   when eligibility-service assessed; an assessment older than the recorded one is ignored
 */
public record RecordEligibilityAssessment(
        @TargetAggregateIdentifier CaseId caseId,
        UUID assessmentId,
        Instant assessedAt,
        Assessment assessment) implements CaseCommand {
}
