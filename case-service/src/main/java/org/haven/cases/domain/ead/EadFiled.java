package org.haven.cases.domain.ead;

import org.axonframework.serialization.Revision;
import org.haven.cases.domain.CaseEvent;
import org.haven.cases.domain.CaseId;
import org.haven.events.vocabulary.EadCategory;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

@Revision("1")
public record EadFiled(
        CaseId caseId,
        EadCategory category,
        LocalDate filedOn,
        boolean renewal,
        @Nullable String receiptNumber) implements CaseEvent {
}
