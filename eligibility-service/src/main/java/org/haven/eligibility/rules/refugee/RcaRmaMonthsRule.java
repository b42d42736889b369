package org.haven.eligibility.rules.refugee;

import org.haven.eligibility.history.CaseHistory;
import org.haven.eligibility.rules.EffectivePeriod;
import org.haven.eligibility.rules.Finding;
import org.haven.eligibility.rules.Rule;
import org.haven.eligibility.rules.RuleDescriptor;
import org.haven.events.CaseEventPayload.AsylumGranted;
import org.haven.events.CaseEventPayload.RefugeeAdmitted;
import org.haven.events.vocabulary.DeadlineType;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * RCA-RMA-MONTHS: refugee cash and medical assistance last a number of months from the ORR eligibility date —
 * the arrival for refugees, the grant for asylees. The months depend on that date, as data.
 */
public final class RcaRmaMonthsRule implements Rule {

    public static final String ID = "RCA-RMA-MONTHS";

    /** Months of assistance for eligibility dates in a period. */
    public record AssistancePeriod(EffectivePeriod eligibilityDates, int months) {
    }

    public static final List<AssistancePeriod> PERIODS = List.of(
            new AssistancePeriod(EffectivePeriod.between(LocalDate.of(2021, 10, 1), LocalDate.of(2025, 5, 4)), 12),
            new AssistancePeriod(EffectivePeriod.since(LocalDate.of(2025, 5, 5)), 4));

    private static final RuleDescriptor DESCRIPTOR = RuleDescriptor.verified(ID,
                    "Refugee cash and medical assistance: 4 months from 2025-05-05, 12 months from 2021-10-01",
                    "90 FR 13370", EffectivePeriod.since(LocalDate.of(2021, 10, 1)))
            .withNote("Eligibility dates before 2021-10-01 are not in Haven's table: no end date is computed for them.");

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> evaluate(CaseHistory history, LocalDate asOf) {
        Optional<LocalDate> eligibilityDate = history.last(RefugeeAdmitted.class).map(RefugeeAdmitted::date)
                .or(() -> history.last(AsylumGranted.class).map(AsylumGranted::date));
        if (eligibilityDate.isEmpty()) {
            return List.of();
        }
        return PERIODS.stream().filter(period -> period.eligibilityDates().contains(eligibilityDate.get())).findFirst()
                .<List<Finding>>map(period -> List.of(Finding.deadline(DeadlineType.RCA_RMA_ENDS,
                        eligibilityDate.get().plusMonths(period.months()), List.of())))
                .orElseGet(() -> List.of(Finding.warning("RCA/RMA months for an ORR eligibility date of "
                        + eligibilityDate.get() + " are not in Haven's table (it starts at 2021-10-01).")));
    }
}
