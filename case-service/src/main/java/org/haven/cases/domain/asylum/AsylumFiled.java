package org.haven.cases.domain.asylum;

import org.axonframework.serialization.Revision;
import org.haven.cases.domain.CaseEvent;
import org.haven.cases.domain.CaseId;
import org.haven.events.vocabulary.AsylumKind;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

@Revision("1")
public record AsylumFiled(
        CaseId caseId,
        LocalDate filedOn,
        AsylumKind kind,
        @Nullable String receiptNumber) implements CaseEvent {
}
