package org.haven.eligibility.rules.ead;

import org.haven.eligibility.history.CaseHistory;
import org.haven.eligibility.rules.EffectivePeriod;
import org.haven.eligibility.rules.Finding;
import org.haven.eligibility.rules.Outcome;
import org.haven.eligibility.rules.Rule;
import org.haven.eligibility.rules.RuleDescriptor;
import org.haven.events.CaseEventPayload.TpsGranted;
import org.haven.events.vocabulary.Pathway;

import java.time.LocalDate;
import java.util.List;

/** EAD-A12: a TPS beneficiary is authorized to work for as long as the TPS lasts. */
public final class EadA12Rule implements Rule {

    public static final String ID = "EAD-A12";

    private static final RuleDescriptor DESCRIPTOR = RuleDescriptor.verified(ID,
            "TPS beneficiaries are authorized to work", "8 CFR 274a.12(a)(12); INA 244(a)(1)(B)",
            EffectivePeriod.longStanding());

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> evaluate(CaseHistory history, LocalDate asOf) {
        return history.last(TpsGranted.class)
                .<List<Finding>>map(granted -> List.of(Finding.verdict(Pathway.EAD, asOf.isAfter(granted.validUntil())
                        ? Outcome.notEligible("No (a)(12) EAD: the TPS ended on " + granted.validUntil() + ".")
                        : Outcome.eligible("Authorized to work under (a)(12) while the TPS lasts (until "
                        + granted.validUntil() + ")."))))
                .orElse(List.of());
    }
}
