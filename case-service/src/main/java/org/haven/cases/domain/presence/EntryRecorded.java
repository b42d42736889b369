package org.haven.cases.domain.presence;

import org.axonframework.serialization.Revision;
import org.haven.cases.domain.CaseEvent;
import org.haven.cases.domain.CaseId;
import org.haven.events.vocabulary.EntryManner;

import java.time.LocalDate;

@Revision("1")
public record EntryRecorded(
        CaseId caseId,
        LocalDate date,
        EntryManner manner) implements CaseEvent {
}
