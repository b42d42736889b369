package org.haven.notifications;

import org.haven.events.CaseEventEnvelope;
import org.haven.events.CaseEventPayload;
import org.haven.events.CaseEventPayload.AsylumFiled;
import org.haven.events.CaseEventPayload.CaseOpened;
import org.haven.events.CaseEventPayload.DepartureRecorded;
import org.haven.events.CaseEventPayload.ParoleExpiring;
import org.haven.events.CaseEventPayload.ParoleGranted;
import org.haven.events.vocabulary.AsylumKind;
import org.haven.events.vocabulary.DeadlineType;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Case events as case-service's relay puts them on Kafka, one case at a time. */
final class Events {

    private final UUID caseId;
    private final String organizationId;
    private long sequence;

    private Events(UUID caseId, String organizationId) {
        this.caseId = caseId;
        this.organizationId = organizationId;
    }

    static Events newCase(String organizationId) {
        return new Events(UUID.randomUUID(), organizationId);
    }

    UUID caseId() {
        return caseId;
    }

    String caseRef() {
        return caseId.toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
    }

    <P extends CaseEventPayload> CaseEventEnvelope<P> next(P payload) {
        return new CaseEventEnvelope<>(UUID.randomUUID(), payload.type(), caseId, organizationId, sequence++,
                Instant.now(), payload);
    }

    CaseEventEnvelope<CaseOpened> opened(@Nullable String assignee, String preferredLanguage) {
        return next(new CaseOpened(LocalDate.parse("1990-05-01"), "UA", preferredLanguage, null, false, assignee));
    }

    /** Parole granted 2025-11-01, valid until 2026-10-31: the worked example of rules.md. */
    CaseEventEnvelope<ParoleGranted> paroleGranted() {
        return next(new ParoleGranted(LocalDate.parse("2025-11-01"), LocalDate.parse("2026-10-31"), null, null, null));
    }

    CaseEventEnvelope<ParoleExpiring> paroleExpiring(int daysBefore) {
        return next(new ParoleExpiring(DeadlineType.PAROLE_EXPIRY, LocalDate.parse("2026-10-31"), daysBefore,
                "PAROLE-EXPIRING", "INA 212(d)(5)(A); 8 CFR 212.5(e)"));
    }

    CaseEventEnvelope<AsylumFiled> asylumFiled() {
        return next(new AsylumFiled(LocalDate.parse("2026-01-10"), AsylumKind.AFFIRMATIVE, null));
    }

    CaseEventEnvelope<DepartureRecorded> departed(boolean advanceParole) {
        return next(new DepartureRecorded(LocalDate.parse("2026-03-01"), advanceParole));
    }
}
