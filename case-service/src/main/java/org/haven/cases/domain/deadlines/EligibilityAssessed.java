package org.haven.cases.domain.deadlines;

import org.axonframework.serialization.Revision;
import org.haven.cases.domain.CaseEvent;
import org.haven.cases.domain.CaseId;
import org.haven.events.Assessment;

import java.time.Instant;
import java.util.UUID;

@Revision("1")
public record EligibilityAssessed(
        CaseId caseId,
        UUID assessmentId,
        Instant assessedAt,
        Assessment assessment) implements CaseEvent {
}
