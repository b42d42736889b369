package org.haven.eligibility.rules.refugee;

import org.haven.eligibility.calendar.LegalDates;
import org.haven.eligibility.history.CaseHistory;
import org.haven.eligibility.rules.EffectivePeriod;
import org.haven.eligibility.rules.Finding;
import org.haven.eligibility.rules.Outcome;
import org.haven.eligibility.rules.Rule;
import org.haven.eligibility.rules.RuleDescriptor;
import org.haven.events.CaseEventPayload.AdjustmentFiled;
import org.haven.events.CaseEventPayload.RefugeeAdmitted;
import org.haven.events.vocabulary.DeadlineType;
import org.haven.events.vocabulary.Pathway;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * REFUGEE-ADJUSTMENT: a refugee must apply for a green card after one year in the United States (INA 209(a));
 * the date is one year after admission, and the fee is waived. Physical presence is measured when USCIS
 * adjudicates (PA-2023-01), so time abroad does not move the date here.
 */
public final class RefugeeAdjustmentRule implements Rule {

    public static final String ID = "REFUGEE-ADJUSTMENT";

    private static final RuleDescriptor DESCRIPTOR = RuleDescriptor.verified(ID,
            "Refugee must apply for adjustment one year after admission", "INA 209(a); 8 CFR 209.1; USCIS PA-2023-01",
            EffectivePeriod.longStanding());

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> evaluate(CaseHistory history, LocalDate asOf) {
        return history.last(RefugeeAdmitted.class).map(admission -> {
            LocalDate eligibleFrom = LegalDates.oneYearAfter(admission.date());
            List<Finding> findings = new ArrayList<>();
            boolean filed = !history.after(admission).stream().filter(AdjustmentFiled.class::isInstance).toList().isEmpty();
            if (!filed) {
                findings.add(Finding.deadline(DeadlineType.ADJUSTMENT_ELIGIBLE, eligibleFrom, List.of()));
            }
            findings.add(Finding.verdict(Pathway.REFUGEE_ADJUSTMENT, asOf.isBefore(eligibleFrom)
                    ? Outcome.notEligible("A refugee admitted on " + admission.date() + " applies for adjustment from "
                    + eligibleFrom + ", one year after admission.")
                    : Outcome.eligible("Must apply for adjustment (I-485, fee waived): one year since admission on "
                    + admission.date() + " was reached on " + eligibleFrom + "; physical presence is measured at adjudication.")));
            return findings;
        }).orElse(List.of());
    }
}
