package org.haven.eligibility.rules.asylum;

import org.haven.eligibility.calendar.LegalDates;
import org.haven.eligibility.history.CaseHistory;
import org.haven.eligibility.rules.EffectivePeriod;
import org.haven.eligibility.rules.Finding;
import org.haven.eligibility.rules.Outcome;
import org.haven.eligibility.rules.Rule;
import org.haven.eligibility.rules.RuleDescriptor;
import org.haven.events.CaseEventPayload;
import org.haven.events.CaseEventPayload.AdjustmentFiled;
import org.haven.events.CaseEventPayload.DepartureRecorded;
import org.haven.events.CaseEventPayload.EntryRecorded;
import org.haven.events.vocabulary.DeadlineType;
import org.haven.events.vocabulary.Pathway;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * ASYLEE-ADJUSTMENT: an asylee may apply for a green card after one year of physical presence after the grant
 * (INA 209(b)). Time abroad after the grant (departure to return) pushes the date out by as many days.
 */
public final class AsyleeAdjustmentRule implements Rule {

    public static final String ID = "ASYLEE-ADJUSTMENT";

    private static final RuleDescriptor DESCRIPTOR = RuleDescriptor.verified(ID,
            "Asylee may adjust after one year of physical presence after the grant", "INA 209(b); 8 CFR 209.2",
            EffectivePeriod.longStanding());

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> evaluate(CaseHistory history, LocalDate asOf) {
        Optional<AsylumApplication> application = AsylumApplication.latest(history);
        if (application.isEmpty() || application.get().grantedOn() == null) {
            return List.of();
        }
        LocalDate grantedOn = application.get().grantedOn();
        Optional<AdjustmentFiled> filed = history.lastMatching(AdjustmentFiled.class,
                adjustment -> !adjustment.filedOn().isBefore(grantedOn));
        Optional<LocalDate> eligibleFrom = afterOneYearOfPresence(history, grantedOn);
        if (eligibleFrom.isEmpty()) {
            return List.of(Finding.verdict(Pathway.ASYLEE_ADJUSTMENT, Outcome.needsReview("A departure after the grant "
                    + "on " + grantedOn + " has no recorded return: one year of physical presence cannot be counted.")));
        }
        LocalDate date = eligibleFrom.get();
        List<Finding> findings = new ArrayList<>();
        if (filed.isPresent()) {
            if (filed.get().filedOn().isBefore(date)) {
                findings.add(Finding.warning("Adjustment filed on " + filed.get().filedOn() + ", before one year of "
                        + "physical presence after the asylum grant (" + date + ")."));
            }
        } else {
            findings.add(Finding.deadline(DeadlineType.ADJUSTMENT_ELIGIBLE, date, List.of()));
        }
        findings.add(Finding.verdict(Pathway.ASYLEE_ADJUSTMENT, asOf.isBefore(date)
                ? Outcome.notEligible("An asylee may apply for adjustment from " + date + ", after one year of physical "
                + "presence after the grant on " + grantedOn + ".")
                : Outcome.eligible("May apply for adjustment (I-485) since " + date + ", one year of physical presence "
                + "after the grant on " + grantedOn + ".")));
        return findings;
    }

    /** One year after the grant, plus every day spent abroad before that date is reached. */
    private static Optional<LocalDate> afterOneYearOfPresence(CaseHistory history, LocalDate grantedOn) {
        LocalDate date = LegalDates.oneYearAfter(grantedOn);
        List<CaseEventPayload> movements = history.events().stream()
                .filter(event -> event instanceof DepartureRecorded || event instanceof EntryRecorded)
                .filter(event -> !dateOf(event).isBefore(grantedOn))
                .sorted(Comparator.comparing(AsyleeAdjustmentRule::dateOf))
                .toList();
        LocalDate leftOn = null;
        for (CaseEventPayload movement : movements) {
            if (movement instanceof DepartureRecorded departure && leftOn == null) {
                if (!departure.date().isBefore(date)) {
                    break; // presence was complete before this trip
                }
                leftOn = departure.date();
            } else if (movement instanceof EntryRecorded entry && leftOn != null) {
                date = date.plusDays(ChronoUnit.DAYS.between(leftOn, entry.date()));
                leftOn = null;
            }
        }
        return leftOn == null ? Optional.of(date) : Optional.empty();
    }

    private static LocalDate dateOf(CaseEventPayload movement) {
        return switch (movement) {
            case DepartureRecorded departure -> departure.date();
            case EntryRecorded entry -> entry.date();
            default -> throw new IllegalArgumentException("Not a movement: " + movement);
        };
    }
}
