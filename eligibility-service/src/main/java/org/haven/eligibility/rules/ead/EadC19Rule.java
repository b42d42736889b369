package org.haven.eligibility.rules.ead;

import org.haven.eligibility.history.CaseHistory;
import org.haven.eligibility.rules.EffectivePeriod;
import org.haven.eligibility.rules.Finding;
import org.haven.eligibility.rules.Outcome;
import org.haven.eligibility.rules.Rule;
import org.haven.eligibility.rules.RuleDescriptor;
import org.haven.eligibility.rules.tps.TpsDesignations;
import org.haven.events.CaseEventPayload.TpsApplied;
import org.haven.events.CaseEventPayload.TpsGranted;
import org.haven.events.vocabulary.Pathway;

import java.time.LocalDate;
import java.util.List;

/**
 * EAD-C19: a TPS applicant whose application is pending and who is prima facie eligible may be authorized to work.
 * Prima facie eligibility is USCIS's finding; Haven can only say that the filing fell within a verified window.
 */
public final class EadC19Rule implements Rule {

    public static final String ID = "EAD-C19";

    private static final RuleDescriptor DESCRIPTOR = RuleDescriptor.verified(ID,
            "Pending TPS applicants with prima facie eligibility may be authorized to work", "8 CFR 274a.12(c)(19); 8 CFR 244.5",
            EffectivePeriod.longStanding());

    private final TpsDesignations designations;

    public EadC19Rule(TpsDesignations designations) {
        this.designations = designations;
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> evaluate(CaseHistory history, LocalDate asOf) {
        return history.last(TpsApplied.class)
                .filter(applied -> history.after(applied).stream().noneMatch(TpsGranted.class::isInstance))
                .<List<Finding>>map(applied -> List.of(Finding.verdict(Pathway.EAD, designations
                        .windowContaining(applied.country(), applied.filedOn())
                        .filter(designation -> designation.verified())
                        .<Outcome>map(designation -> Outcome.eligible("May apply for a (c)(19) EAD "
                                + "while the I-821 filed on " + applied.filedOn() + " is pending, once USCIS finds prima "
                                + "facie eligibility (filed within the window of " + designation.citation() + ")."))
                        .orElse(Outcome.needsReview("A (c)(19) EAD needs prima facie TPS eligibility, and the I-821 filed on "
                                + applied.filedOn() + " is not within a verified registration window in Haven's data.")))))
                .orElse(List.of());
    }
}
