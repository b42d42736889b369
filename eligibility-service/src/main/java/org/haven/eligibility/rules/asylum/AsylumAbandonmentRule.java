package org.haven.eligibility.rules.asylum;

import org.haven.eligibility.history.CaseHistory;
import org.haven.eligibility.rules.EffectivePeriod;
import org.haven.eligibility.rules.Finding;
import org.haven.eligibility.rules.Outcome;
import org.haven.eligibility.rules.Rule;
import org.haven.eligibility.rules.RuleDescriptor;
import org.haven.events.CaseEventPayload.DepartureRecorded;
import org.haven.events.vocabulary.Pathway;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * ASYLUM-ABANDONMENT: leaving the United States without advance parole while the I-589 is pending is presumed
 * abandonment of the application (8 CFR 208.8(a)). It raises an urgent warning; the presumption can be argued
 * against, so the pathway is a review rather than a refusal.
 */
public final class AsylumAbandonmentRule implements Rule {

    public static final String ID = "ASYLUM-ABANDONMENT";

    private static final RuleDescriptor DESCRIPTOR = RuleDescriptor.verified(ID,
            "Departure without advance parole while asylum is pending is presumed abandonment", "8 CFR 208.8(a)",
            EffectivePeriod.longStanding());

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> evaluate(CaseHistory history, LocalDate asOf) {
        return AsylumApplication.latest(history).map(application -> {
            List<Finding> findings = new ArrayList<>();
            history.after(application.filing()).stream()
                    .filter(DepartureRecorded.class::isInstance).map(DepartureRecorded.class::cast)
                    .filter(departure -> !departure.advanceParole() && application.pendingOn(departure.date()))
                    .findFirst()
                    .ifPresent(departure -> {
                        findings.add(Finding.warning("URGENT: departed on " + departure.date() + " without advance parole "
                                + "while the I-589 filed on " + application.filedOn() + " was pending: the application is "
                                + "presumed abandoned."));
                        findings.add(Finding.verdict(Pathway.ASYLUM, Outcome.needsReview("The I-589 is presumed abandoned "
                                + "by the departure on " + departure.date() + " without advance parole.")));
                    });
            return findings;
        }).orElse(List.of());
    }
}
