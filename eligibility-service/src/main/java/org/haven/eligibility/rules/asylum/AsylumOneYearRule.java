package org.haven.eligibility.rules.asylum;

import org.haven.eligibility.calendar.FilingDeadlines;
import org.haven.eligibility.calendar.LegalDates;
import org.haven.eligibility.history.CaseHistory;
import org.haven.eligibility.rules.EffectivePeriod;
import org.haven.eligibility.rules.Finding;
import org.haven.eligibility.rules.Outcome;
import org.haven.eligibility.rules.Rule;
import org.haven.eligibility.rules.RuleDescriptor;
import org.haven.events.CaseEventPayload.ParoleGranted;
import org.haven.events.CaseEventPayload.RefugeeAdmitted;
import org.haven.events.vocabulary.DeadlineType;
import org.haven.events.vocabulary.Pathway;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * ASYLUM-ONE-YEAR: asylum must be filed within one year of the last arrival, never counted from before
 * 1997-04-01. The arrival day is day zero, so the last day is the anniversary (Minasyan v. Mukasey), moved to the
 * next business day when it is a weekend or federal holiday. Unaccompanied children are exempt. The exceptions
 * for changed or extraordinary circumstances are never applied automatically: a late filing is a review.
 * Parole does not stop this clock.
 */
public final class AsylumOneYearRule implements Rule {

    public static final String ID = "ASYLUM-ONE-YEAR";
    public static final LocalDate CLOCK_STARTS_NO_EARLIER_THAN = LocalDate.of(1997, 4, 1);
    public static final List<Integer> REMIND_DAYS_BEFORE = List.of(90, 30, 7);

    private static final RuleDescriptor DESCRIPTOR = RuleDescriptor.verified(ID,
                    "File for asylum within one year of the last arrival",
                    "INA 208(a)(2)(B); 8 CFR 208.4", EffectivePeriod.since(CLOCK_STARTS_NO_EARLIER_THAN))
            .withNote("Exceptions (changed or extraordinary circumstances) are never automatic: they answer NEEDS_REVIEW. "
                    + "Proof of timely mailing is not modelled: the recorded filing date counts.");

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** The last day to file after an arrival, rolled forward over weekends and federal holidays. */
    public static LocalDate deadlineAfterArrival(LocalDate lastArrival) {
        LocalDate dayZero = lastArrival.isBefore(CLOCK_STARTS_NO_EARLIER_THAN) ? CLOCK_STARTS_NO_EARLIER_THAN : lastArrival;
        return FilingDeadlines.rollForwardToBusinessDay(LegalDates.oneYearAfter(dayZero));
    }

    @Override
    public List<Finding> evaluate(CaseHistory history, LocalDate asOf) {
        Optional<AsylumApplication> application = AsylumApplication.latest(history);
        if (application.isPresent() && application.get().decided()) {
            return List.of(); // decided: timeliness is no longer the question
        }
        if (!history.all(RefugeeAdmitted.class).isEmpty()) {
            return List.of(); // a refugee holds status already; asylum is not a pathway to track
        }
        if (history.person().unaccompaniedMinor()) {
            return List.of(Finding.verdict(Pathway.ASYLUM, Outcome.eligible(
                    "Unaccompanied children are exempt from the one-year filing deadline (INA 208(a)(2)(E)).")));
        }
        if (application.isPresent()) {
            LocalDate filedOn = application.get().filedOn();
            Optional<LocalDate> arrival = history.lastArrivalOnOrBefore(filedOn);
            if (arrival.isEmpty()) {
                return List.of(Finding.verdict(Pathway.ASYLUM, Outcome.needsReview(
                        "No arrival before the filing on " + filedOn + " is recorded: the one-year deadline cannot be checked.")));
            }
            LocalDate deadline = deadlineAfterArrival(arrival.get());
            return List.of(Finding.verdict(Pathway.ASYLUM, filedOn.isAfter(deadline)
                    ? Outcome.needsReview("Filed on " + filedOn + ", after the one-year deadline of " + deadline
                    + ": the application depends on an exception (changed or extraordinary circumstances, filed "
                    + "within a reasonable period), which is never automatic.")
                    : Outcome.eligible("Filed on " + filedOn + ", within the one-year deadline of " + deadline + ".")));
        }
        Optional<LocalDate> arrival = history.lastArrival();
        if (arrival.isEmpty()) {
            return List.of();
        }
        LocalDate deadline = deadlineAfterArrival(arrival.get());
        String parole = history.all(ParoleGranted.class).isEmpty() ? "" : " Parole does not stop this clock.";
        Outcome outcome = asOf.isAfter(deadline)
                ? Outcome.notEligible("The one-year deadline after the arrival on " + arrival.get() + " passed on "
                + deadline + ". Only an exception (changed or extraordinary circumstances, filed within a reasonable "
                + "period) can save a late filing, and it is a review, never automatic; withholding of removal has "
                + "no one-year bar." + parole)
                : Outcome.eligible("File by " + deadline + " (one year after the arrival on " + arrival.get()
                + ", moved to a business day if it fell on a weekend or holiday)." + parole);
        return List.of(
                Finding.deadline(DeadlineType.ASYLUM_ONE_YEAR, deadline, REMIND_DAYS_BEFORE),
                Finding.verdict(Pathway.ASYLUM, outcome));
    }
}
