package org.haven.eligibility.rules.ead;

import org.haven.eligibility.history.CaseHistory;
import org.haven.eligibility.rules.EffectivePeriod;
import org.haven.eligibility.rules.Finding;
import org.haven.eligibility.rules.Outcome;
import org.haven.eligibility.rules.Rule;
import org.haven.eligibility.rules.RuleDescriptor;
import org.haven.events.CaseEventPayload.RefugeeAdmitted;
import org.haven.events.vocabulary.Pathway;

import java.time.LocalDate;
import java.util.List;

/** EAD-A3: refugees are authorized to work incident to their status, from admission. */
public final class EadA3Rule implements Rule {

    public static final String ID = "EAD-A3";

    private static final RuleDescriptor DESCRIPTOR = RuleDescriptor.verified(ID,
            "Refugees are authorized to work incident to status", "8 CFR 274a.12(a)(3)", EffectivePeriod.longStanding());

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> evaluate(CaseHistory history, LocalDate asOf) {
        return history.last(RefugeeAdmitted.class)
                .<List<Finding>>map(admission -> List.of(Finding.verdict(Pathway.EAD, Outcome.eligible(
                        "Authorized to work incident to refugee status since admission on " + admission.date()
                                + "; an (a)(3) card documents it."))))
                .orElse(List.of());
    }
}
