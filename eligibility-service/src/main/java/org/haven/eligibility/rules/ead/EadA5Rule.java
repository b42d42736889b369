package org.haven.eligibility.rules.ead;

import org.haven.eligibility.history.CaseHistory;
import org.haven.eligibility.rules.EffectivePeriod;
import org.haven.eligibility.rules.Finding;
import org.haven.eligibility.rules.Outcome;
import org.haven.eligibility.rules.Rule;
import org.haven.eligibility.rules.RuleDescriptor;
import org.haven.eligibility.rules.asylum.AsylumApplication;
import org.haven.events.vocabulary.Pathway;

import java.time.LocalDate;
import java.util.List;

/** EAD-A5: asylees are authorized to work incident to their status, from the grant. */
public final class EadA5Rule implements Rule {

    public static final String ID = "EAD-A5";

    private static final RuleDescriptor DESCRIPTOR = RuleDescriptor.verified(ID,
            "Asylees are authorized to work incident to status", "8 CFR 274a.12(a)(5)", EffectivePeriod.longStanding());

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> evaluate(CaseHistory history, LocalDate asOf) {
        return AsylumApplication.latest(history)
                .filter(application -> application.grantedOn() != null)
                .<List<Finding>>map(application -> List.of(Finding.verdict(Pathway.EAD, Outcome.eligible(
                        "Authorized to work incident to asylee status since the grant on " + application.grantedOn()
                                + "; an (a)(5) card documents it."))))
                .orElse(List.of());
    }
}
