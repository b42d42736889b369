package org.haven.eligibility.rules.fees;

import org.haven.eligibility.history.CaseHistory;
import org.haven.eligibility.rules.EffectivePeriod;
import org.haven.eligibility.rules.Finding;
import org.haven.eligibility.rules.Rule;
import org.haven.eligibility.rules.RuleDescriptor;
import org.haven.events.CaseEventPayload;
import org.haven.events.CaseEventPayload.AsylumFiled;
import org.haven.events.CaseEventPayload.EadFiled;
import org.haven.events.CaseEventPayload.TpsApplied;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * FEES-HR1: from 2025-07-22 (by postmark) H.R. 1 adds fees that cannot be waived: I-589 $100; initial asylum EAD
 * $550, renewal $275; parole EAD $550, $275 for a renewal after re-parole; I-821 (TPS) $500. Filings postmarked on
 * or after 2025-08-21 without the fee are rejected. Each filing on or after 2025-07-22 is reminded of its fee;
 * payments are not recorded, so the warning cannot say whether it was paid.
 */
public final class Hr1FeesRule implements Rule {

    public static final String ID = "FEES-HR1";
    public static final LocalDate POSTMARKED_FROM = LocalDate.of(2025, 7, 22);
    public static final LocalDate REJECTED_WITHOUT_FEE_FROM = LocalDate.of(2025, 8, 21);

    private static final RuleDescriptor DESCRIPTOR = RuleDescriptor.verified(ID,
            "H.R. 1 fees for asylum, asylum and parole EADs, and TPS; no waivers", "H.R. 1 (Pub. L. 119-21); 90 FR 34511",
            EffectivePeriod.since(POSTMARKED_FROM));

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> evaluate(CaseHistory history, LocalDate asOf) {
        List<Finding> findings = new ArrayList<>();
        for (CaseEventPayload event : history.events()) {
            fee(event).filter(fee -> !fee.filedOn().isBefore(POSTMARKED_FROM)).ifPresent(fee -> findings.add(Finding.warning(
                    fee.form() + " filed on " + fee.filedOn() + ": the H.R. 1 fee of $" + fee.dollars() + " applies, with no waiver"
                            + (fee.filedOn().isBefore(REJECTED_WITHOUT_FEE_FROM) ? "."
                            : "; a filing without it is rejected."))));
        }
        return findings;
    }

    private record Fee(String form, LocalDate filedOn, int dollars) {
    }

    private static Optional<Fee> fee(CaseEventPayload event) {
        return switch (event) {
            case AsylumFiled asylum -> Optional.of(new Fee("I-589", asylum.filedOn(), 100));
            case TpsApplied tps -> Optional.of(new Fee("I-821", tps.filedOn(), 500));
            case EadFiled ead -> switch (ead.category()) {
                case c8 -> Optional.of(new Fee("I-765 (c)(8)" + (ead.renewal() ? " renewal" : ""), ead.filedOn(), ead.renewal() ? 275 : 550));
                case c11 -> Optional.of(new Fee("I-765 (c)(11)" + (ead.renewal() ? " renewal" : ""), ead.filedOn(), ead.renewal() ? 275 : 550));
                default -> Optional.empty();
            };
            default -> Optional.empty();
        };
    }
}
