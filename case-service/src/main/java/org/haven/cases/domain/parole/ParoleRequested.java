package org.haven.cases.domain.parole;

import org.axonframework.serialization.Revision;
import org.haven.cases.domain.CaseEvent;
import org.haven.cases.domain.CaseId;
import org.haven.events.vocabulary.FeeExemption;
import org.haven.events.vocabulary.ParoleBasis;
import org.haven.events.vocabulary.ParoleKind;
import org.haven.events.vocabulary.ParoleUrgency;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

@Revision("1")
public record ParoleRequested(
        CaseId caseId,
        LocalDate filedOn,
        ParoleKind kind,
        ParoleBasis basis,
        ParoleUrgency urgency,
        @Nullable FeeExemption feeExemption,
        @Nullable String receiptNumber) implements CaseEvent {
}
