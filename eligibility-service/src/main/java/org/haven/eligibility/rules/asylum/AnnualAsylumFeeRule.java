package org.haven.eligibility.rules.asylum;

import org.haven.eligibility.calendar.LegalDates;
import org.haven.eligibility.history.CaseHistory;
import org.haven.eligibility.rules.CourtStay;
import org.haven.eligibility.rules.EffectivePeriod;
import org.haven.eligibility.rules.Finding;
import org.haven.eligibility.rules.Rule;
import org.haven.eligibility.rules.RuleDescriptor;
import org.haven.events.vocabulary.DeadlineType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * ANNUAL-ASYLUM-FEE: $100 for each year an I-589 filed on or after 2024-10-01 stays pending, due on each
 * anniversary of the filing. Unpaid 30 days after USCIS's notice, the application is rejected and a (c)(8) EAD
 * based on it ends. The deadline listed is the next anniversary on or after the as-of date while the application
 * is pending. While a court stay of enforcement is in force, the fee is still computed and shown, with a
 * NEEDS_REVIEW note naming the stay.
 */
public final class AnnualAsylumFeeRule implements Rule {

    public static final String ID = "ANNUAL-ASYLUM-FEE";
    public static final LocalDate APPLICATIONS_FILED_FROM = LocalDate.of(2024, 10, 1);
    public static final int AMOUNT_DOLLARS = 100;

    private static final RuleDescriptor DESCRIPTOR = RuleDescriptor.verified(ID,
            "$100 for each year an asylum application stays pending", "90 FR 34511; H.R. 1 (Pub. L. 119-21)",
            EffectivePeriod.since(LocalDate.of(2025, 7, 22)));

    private final List<CourtStay> stays;

    public AnnualAsylumFeeRule(List<CourtStay> stays) {
        this.stays = List.copyOf(stays);
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR.withNote("Enforcement stays (data): " + stays.stream()
                .map(stay -> stay.caption() + " from " + stay.inForce().from()
                        + (stay.inForce().until() == null ? "" : " until " + stay.inForce().until()))
                .toList() + ". Payments are not tracked: each due date is shown, not whether it was paid.");
    }

    public List<CourtStay> stays() {
        return stays;
    }

    @Override
    public List<Finding> evaluate(CaseHistory history, LocalDate asOf) {
        Optional<AsylumApplication> application = AsylumApplication.latest(history)
                .filter(app -> !app.filedOn().isBefore(APPLICATIONS_FILED_FROM));
        if (application.isEmpty()) {
            return List.of();
        }
        Optional<LocalDate> nextDue = nextAnniversaryWhilePending(application.get(), asOf);
        if (nextDue.isEmpty()) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        findings.add(Finding.deadline(DeadlineType.ANNUAL_ASYLUM_FEE_DUE, nextDue.get(), List.of()));
        Optional<CourtStay> stay = stays.stream().filter(s -> s.inForceOn(asOf)).findFirst();
        findings.add(Finding.warning(stay
                .map(s -> "NEEDS_REVIEW: the annual asylum fee of $" + AMOUNT_DOLLARS + " is next due on " + nextDue.get()
                        + ", but its enforcement is stayed by court order (" + s.caption() + ", since "
                        + s.inForce().from() + "): confirm whether it must be paid.")
                .orElse("The annual asylum fee of $" + AMOUNT_DOLLARS + " is next due on " + nextDue.get()
                        + ": unpaid 30 days after USCIS's notice, the application is rejected and a (c)(8) EAD based "
                        + "on it ends.")));
        return findings;
    }

    /** Anniversaries are counted from the filing date each time (a Feb 29 filing is due Feb 28, then Feb 29). */
    private static Optional<LocalDate> nextAnniversaryWhilePending(AsylumApplication application, LocalDate asOf) {
        for (int year = 1; ; year++) {
            LocalDate anniversary = LegalDates.yearsAfter(application.filedOn(), year);
            if (!application.pendingOn(anniversary)) {
                return Optional.empty();
            }
            if (!anniversary.isBefore(asOf)) {
                return Optional.of(anniversary);
            }
        }
    }
}
