package org.haven.cases.domain.tps;

import org.axonframework.serialization.Revision;
import org.haven.cases.domain.CaseEvent;
import org.haven.cases.domain.CaseId;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

@Revision("1")
public record TpsApplied(
        CaseId caseId,
        String country,
        LocalDate filedOn,
        @Nullable String receiptNumber) implements CaseEvent {
}
