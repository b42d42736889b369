package org.haven.cases.domain.adjustment;

import org.axonframework.serialization.Revision;
import org.haven.cases.domain.CaseEvent;
import org.haven.cases.domain.CaseId;
import org.haven.events.vocabulary.AdjustmentBasis;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

@Revision("1")
public record AdjustmentFiled(
        CaseId caseId,
        LocalDate filedOn,
        AdjustmentBasis basis,
        @Nullable String receiptNumber) implements CaseEvent {
}
