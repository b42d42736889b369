package org.haven.cases.domain.asylum;

import org.axonframework.serialization.Revision;
import org.haven.cases.domain.CaseEvent;
import org.haven.cases.domain.CaseId;
import org.haven.events.vocabulary.ClockStopReason;

import java.time.LocalDate;

@Revision("1")
public record AsylumClockStopped(
        CaseId caseId,
        LocalDate date,
        ClockStopReason reason) implements CaseEvent {
}
