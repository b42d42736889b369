package org.haven.cases.domain.parole;

import org.axonframework.serialization.Revision;
import org.haven.cases.domain.CaseEvent;
import org.haven.cases.domain.CaseId;
import org.haven.events.vocabulary.FeeExemption;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

@Revision("1")
public record ParoleGranted(
        CaseId caseId,
        LocalDate grantedOn,
        LocalDate validUntil,
        @Nullable String program,
        @Nullable FeeExemption feeExemption,
        @Nullable String receiptNumber) implements CaseEvent {
}
