package org.haven.notifications.policy;

import org.haven.events.CaseEventPayload;
import org.haven.events.CaseEventPayload.*;
import org.haven.events.vocabulary.AsylumKind;
import org.haven.events.vocabulary.DeadlineType;
import org.haven.events.vocabulary.EadCategory;

import java.time.LocalDate;
import java.util.Map;

/** One example event for each policy of {@link NotificationPolicy}, with the case state it needs to notify. */
public final class Examples {

    private static final LocalDate DUE = LocalDate.parse("2026-10-31");

    private Examples() {
    }

    public record Example(CaseEventPayload event, CaseContext kase) {
    }

    public static Example of(NotificationPolicy policy) {
        return switch (policy) {
            case PAROLE_EXPIRING -> plain(new ParoleExpiring(DeadlineType.PAROLE_EXPIRY, DUE, 90, "PAROLE-EXPIRING", "8 CFR 212.5(e)"));
            case PAROLE_EXPIRED -> plain(new ParoleExpired(DeadlineType.PAROLE_EXPIRY, DUE, 0, "PAROLE-END", "8 CFR 212.5(e)"));
            case ASYLUM_DEADLINE_APPROACHING -> plain(new AsylumDeadlineApproaching(DeadlineType.ASYLUM_ONE_YEAR,
                    LocalDate.parse("2026-01-05"), 30, "ASYLUM-ONE-YEAR", "INA 208(a)(2)(B); 8 CFR 208.4"));
            case UNLAWFUL_PRESENCE_THRESHOLD -> plain(new UnlawfulPresenceThresholdReached(DeadlineType.UNLAWFUL_PRESENCE_180,
                    LocalDate.parse("2026-07-30"), 0, "UNLAWFUL-PRESENCE", "INA 212(a)(9)(B)"));
            case EAD_EXPIRING -> plain(new EadExpiring(DeadlineType.EAD_EXPIRY, DUE, 180, "EAD-AUTO-EXTENSION", "8 CFR 274a.13(d)"));
            case ADJUSTMENT_ELIGIBLE -> plain(new AdjustmentEligible(DeadlineType.ADJUSTMENT_ELIGIBLE,
                    LocalDate.parse("2026-06-01"), 0, "REFUGEE-ADJUSTMENT", "INA 209(a)"));
            case DEADLINE_APPROACHING -> plain(new DeadlineApproaching(DeadlineType.RFE_RESPONSE_DUE,
                    LocalDate.parse("2026-03-15"), 14, "RFE-RESPONSE", "8 CFR 103.2(b)(8)"));
            case ASYLUM_ABANDONMENT -> new Example(new DepartureRecorded(LocalDate.parse("2026-03-01"), false),
                    new CaseContext("user:caseworker-a", true));
            case CASE_OPENED -> plain(new CaseOpened(LocalDate.parse("1990-05-01"), "UA", "es", null, false, "user:caseworker-a"));
            case CASE_ASSIGNED -> plain(new CaseAssigned("user:caseworker-a"));
            case PAROLE_GRANTED -> plain(new ParoleGranted(LocalDate.parse("2025-11-01"), DUE, "U4U", null, "IOE0912345678"));
            case PAROLE_DENIED -> plain(new ParoleDenied(LocalDate.parse("2026-02-02")));
            case PAROLE_TERMINATED -> plain(new ParoleTerminated(LocalDate.parse("2026-02-02")));
            case EAD_FILED -> plain(new EadFiled(EadCategory.c11, LocalDate.parse("2026-02-02"), false, null));
            case EAD_APPROVED -> plain(new EadApproved(LocalDate.parse("2026-02-02"), DUE));
            case EAD_DENIED -> plain(new EadDenied(LocalDate.parse("2026-02-02")));
            case ASYLUM_FILED -> plain(new AsylumFiled(LocalDate.parse("2026-01-10"), AsylumKind.AFFIRMATIVE, null));
            case ASYLUM_GRANTED -> plain(new AsylumGranted(LocalDate.parse("2026-02-02")));
            case ASYLUM_DENIED -> plain(new AsylumDenied(LocalDate.parse("2026-02-02")));
            case TPS_GRANTED -> plain(new TpsGranted(LocalDate.parse("2026-02-02"), DUE));
        };
    }

    public static Notice noticeOf(NotificationPolicy policy) {
        Example example = of(policy);
        return NotificationPolicy.decide(example.event(), example.kase()).orElseThrow();
    }

    public static Map<Fact, String> factsOf(NotificationPolicy policy) {
        return noticeOf(policy).facts();
    }

    private static Example plain(CaseEventPayload event) {
        return new Example(event, CaseContext.UNKNOWN);
    }
}
