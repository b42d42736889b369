package org.haven.cases.domain.intake;

import org.axonframework.serialization.Revision;
import org.haven.cases.domain.CaseEvent;
import org.haven.cases.domain.CaseId;

import java.util.UUID;

@Revision("1")
public record NoteAdded(
        CaseId caseId,
        UUID noteId,
        String text) implements CaseEvent {
}
