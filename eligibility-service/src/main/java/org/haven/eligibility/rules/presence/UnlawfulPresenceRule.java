package org.haven.eligibility.rules.presence;

import org.haven.eligibility.calendar.LegalDates;
import org.haven.eligibility.history.CaseHistory;
import org.haven.eligibility.rules.EffectivePeriod;
import org.haven.eligibility.rules.Finding;
import org.haven.eligibility.rules.Rule;
import org.haven.eligibility.rules.RuleDescriptor;
import org.haven.eligibility.rules.asylum.AsylumApplication;
import org.haven.eligibility.rules.parole.ParoleEndRule;
import org.haven.eligibility.rules.parole.ParoleTerm;
import org.haven.events.CaseEventPayload;
import org.haven.events.CaseEventPayload.AdjustmentFiled;
import org.haven.events.CaseEventPayload.DepartureRecorded;
import org.haven.events.CaseEventPayload.EntryRecorded;
import org.haven.events.CaseEventPayload.ParoleDenied;
import org.haven.events.CaseEventPayload.ParoleGranted;
import org.haven.events.CaseEventPayload.ParoleRequested;
import org.haven.events.CaseEventPayload.RefugeeAdmitted;
import org.haven.events.CaseEventPayload.TpsApplied;
import org.haven.events.CaseEventPayload.TpsGranted;
import org.haven.events.vocabulary.DeadlineType;
import org.haven.events.vocabulary.EntryManner;
import org.haven.events.vocabulary.ParoleKind;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * UNLAWFUL-PRESENCE (INA 212(a)(9)(B)). Within a stay, it accrues from an entry without inspection, or from the day
 * after a parole ends with nothing else pending; never before 1997-04-01, nor under 18, nor while an asylum
 * application (or, in Haven's reading of "nothing else pending", an adjustment, TPS or re-parole filing) is pending,
 * nor during refugee, asylee, parole or TPS status. A departure without advance parole ends the stay and, after more
 * than 180 days, triggers the 3-year bar, after 365 the 10-year bar; travel on advance parole is not a departure for
 * the bars (Matter of Arrabally, 2012), and the days abroad do not accrue.
 *
 * <p>The 180- and 365-day dates of the current stay are projections: the date each threshold is reached if
 * nothing changes. A new fact (a grant, a filing) changes the assessment and with it the dates.
 */
public final class UnlawfulPresenceRule implements Rule {

    public static final String ID = "UNLAWFUL-PRESENCE";
    public static final LocalDate ACCRUES_FROM = LocalDate.of(1997, 4, 1);
    public static final int THREE_YEAR_BAR_DAYS = 180;
    public static final int TEN_YEAR_BAR_DAYS = 365;

    private static final LocalDate OPEN_END = LocalDate.of(9999, 12, 31);
    private static final LocalDate DISTANT_PAST = LocalDate.of(1, 1, 1);

    private static final RuleDescriptor DESCRIPTOR = RuleDescriptor.verified(ID,
                    "Unlawful presence: 180 days (3-year bar) and 365 days (10-year bar)",
                    "INA 212(a)(9)(B); Matter of Arrabally, 25 I&N Dec. 771 (BIA 2012)", EffectivePeriod.since(ACCRUES_FROM))
            .withNote("Exceptions modelled: under 18, asylum pending; pending adjustment, TPS and re-parole filings also stop "
                    + "accrual (\"nothing else pending\"). The other (iii) exceptions (family unity, battered spouses and "
                    + "children, trafficking victims) and admissions other than parole are not modelled.");

    private final ParoleEndRule paroleEnd;

    public UnlawfulPresenceRule(ParoleEndRule paroleEnd) {
        this.paroleEnd = paroleEnd;
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    private record Stay(LocalDate enteredOn, @Nullable EntryManner manner, @Nullable LocalDate leftOn) {
    }

    @Override
    public List<Finding> evaluate(CaseHistory history, LocalDate asOf) {
        List<ParoleTerm> paroleTerms = paroleEnd.terms(history, asOf);
        DaySet noAccrual = new DaySet();
        noAccrual.add(DISTANT_PAST, ACCRUES_FROM.minusDays(1));
        LocalDate dateOfBirth = history.person().dateOfBirth();
        if (dateOfBirth != null) {
            noAccrual.add(DISTANT_PAST, LegalDates.yearsAfter(dateOfBirth, 18).minusDays(1));
        }
        paroleTerms.forEach(term -> noAccrual.add(term.start(), term.end()));
        authorizedOrPending(history, noAccrual);
        List<Stay> stays = stays(history, noAccrual);

        List<Finding> findings = new ArrayList<>();
        for (Stay stay : stays) {
            if (!accruesIn(stay, paroleTerms)) {
                continue;
            }
            unknownStatusBeforeParole(stay, paroleTerms, noAccrual).ifPresent(findings::add);
            if (stay.leftOn() != null) {
                barOnDeparture(stay, noAccrual).ifPresent(findings::add);
            } else {
                findings.addAll(thresholds(stay, noAccrual, dateOfBirth));
            }
        }
        return findings;
    }

    /** Only stays whose start of unlawful presence Haven can know: entries without inspection, and paroles. */
    private static boolean accruesIn(Stay stay, List<ParoleTerm> paroleTerms) {
        if (stay.manner() == EntryManner.WITHOUT_INSPECTION) {
            return true;
        }
        boolean paroled = stay.manner() == EntryManner.PAROLED || stay.manner() == null;
        return paroled && paroleTerms.stream().anyMatch(term -> stay.leftOn() == null || term.start().isBefore(stay.leftOn()));
    }

    /**
     * A paroled (or unknown-manner) stay whose first recorded parole starts after the arrival: what the client's
     * status was in between is not recorded, and Haven does not guess that it was unlawful. Those days are not
     * counted, and the assessment says so for a person to review.
     */
    private static Optional<Finding> unknownStatusBeforeParole(Stay stay, List<ParoleTerm> paroleTerms, DaySet noAccrual) {
        if (stay.manner() == EntryManner.WITHOUT_INSPECTION) {
            return Optional.empty();
        }
        Optional<LocalDate> firstParole = paroleTerms.stream().map(ParoleTerm::start)
                .filter(start -> !start.isBefore(stay.enteredOn()) && (stay.leftOn() == null || start.isBefore(stay.leftOn())))
                .min(Comparator.naturalOrder());
        if (firstParole.isEmpty() || !firstParole.get().isAfter(stay.enteredOn())) {
            return Optional.empty();
        }
        noAccrual.add(stay.enteredOn(), firstParole.get().minusDays(1));
        return Optional.of(Finding.warning("NEEDS_REVIEW: the client's status between the arrival on " + stay.enteredOn()
                + " and the parole from " + firstParole.get() + " is not recorded; those days are not counted as unlawful presence."));
    }

    private static Optional<Finding> barOnDeparture(Stay stay, DaySet noAccrual) {
        long days = DaySet.count(noAccrual.complementWithin(stay.enteredOn(), stay.leftOn().minusDays(1)));
        if (days >= TEN_YEAR_BAR_DAYS) {
            return Optional.of(Finding.warning("URGENT: the departure on " + stay.leftOn() + " after " + days
                    + " days of unlawful presence triggered the 10-year bar (INA 212(a)(9)(B)(i)(II))."));
        }
        if (days > THREE_YEAR_BAR_DAYS) {
            return Optional.of(Finding.warning("URGENT: the departure on " + stay.leftOn() + " after " + days
                    + " days of unlawful presence triggered the 3-year bar (INA 212(a)(9)(B)(i)(I))."));
        }
        return Optional.empty();
    }

    private static List<Finding> thresholds(Stay stay, DaySet noAccrual, @Nullable LocalDate dateOfBirth) {
        List<DaySet.Interval> accrual = noAccrual.complementWithin(stay.enteredOn(), OPEN_END);
        if (accrual.isEmpty() || accrual.getFirst().first().equals(OPEN_END)) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        Optional<LocalDate> day180 = DaySet.nthDay(accrual, THREE_YEAR_BAR_DAYS);
        Optional<LocalDate> day365 = DaySet.nthDay(accrual, TEN_YEAR_BAR_DAYS);
        day180.ifPresent(date -> findings.add(Finding.deadline(DeadlineType.UNLAWFUL_PRESENCE_180, date, List.of())));
        day365.ifPresent(date -> findings.add(Finding.deadline(DeadlineType.UNLAWFUL_PRESENCE_365, date, List.of())));
        StringBuilder message = new StringBuilder("Unlawful presence accrues from ").append(accrual.getFirst().first());
        if (day180.isPresent()) {
            message.append("; if nothing changes, 180 days are reached on ").append(day180.get())
                    .append(" (a departure after that triggers the 3-year bar)");
        }
        if (day365.isPresent()) {
            message.append(" and 365 days on ").append(day365.get()).append(" (10-year bar)");
        }
        message.append(". Travel on advance parole is not a departure for the bars.");
        if (dateOfBirth == null) {
            message.append(" The date of birth is unknown, so days under 18 are not excluded.");
        }
        findings.add(Finding.warning(message.toString()));
        return findings;
    }

    /** Status and pending filings during which unlawful presence does not accrue. */
    private static void authorizedOrPending(CaseHistory history, DaySet noAccrual) {
        AsylumApplication.latest(history).ifPresent(application -> {
            LocalDate decided = application.decidedOn();
            noAccrual.add(application.filedOn(), decided == null ? OPEN_END : decided.minusDays(1));
            if (application.grantedOn() != null) {
                noAccrual.add(application.grantedOn(), OPEN_END);
            }
        });
        history.all(RefugeeAdmitted.class).forEach(admission -> noAccrual.add(admission.date(), OPEN_END));
        history.all(AdjustmentFiled.class).forEach(filing -> noAccrual.add(filing.filedOn(), OPEN_END));
        history.all(TpsGranted.class).forEach(granted -> noAccrual.add(granted.date(), granted.validUntil()));
        for (TpsApplied applied : history.all(TpsApplied.class)) {
            LocalDate decided = history.after(applied).stream().filter(TpsGranted.class::isInstance)
                    .map(event -> ((TpsGranted) event).date()).findFirst().orElse(null);
            noAccrual.add(applied.filedOn(), decided == null ? OPEN_END : decided.minusDays(1));
        }
        for (ParoleRequested request : history.all(ParoleRequested.class)) {
            if (request.kind() == ParoleKind.RE_PAROLE) {
                LocalDate decided = history.after(request).stream()
                        .filter(event -> event instanceof ParoleGranted || event instanceof ParoleDenied)
                        .map(event -> event instanceof ParoleGranted granted ? granted.grantedOn() : ((ParoleDenied) event).date())
                        .findFirst().orElse(null);
                noAccrual.add(request.filedOn(), decided == null ? OPEN_END : decided.minusDays(1));
            }
        }
    }

    /** An entry or a departure; the arrival a case was opened with is an entry of unknown manner. */
    private record Movement(LocalDate date, boolean entry, @Nullable EntryManner manner, boolean advanceParole) {
    }

    /**
     * Stays in date order. A departure without advance parole ends a stay; one with advance parole keeps it and
     * only takes the days abroad out of the count.
     */
    private static List<Stay> stays(CaseHistory history, DaySet noAccrual) {
        List<Movement> movements = new ArrayList<>();
        LocalDate openedWith = history.person().lastArrivalDate();
        if (openedWith != null && history.all(EntryRecorded.class).stream().noneMatch(entry -> entry.date().equals(openedWith))) {
            movements.add(new Movement(openedWith, true, null, false));
        }
        for (CaseEventPayload event : history.events()) {
            switch (event) {
                case EntryRecorded entry -> movements.add(new Movement(entry.date(), true, entry.manner(), false));
                case DepartureRecorded departure -> movements.add(new Movement(departure.date(), false, null, departure.advanceParole()));
                default -> {
                }
            }
        }
        movements.sort(Comparator.comparing(Movement::date)); // stable: same-day movements keep their recording order
        List<Stay> stays = new ArrayList<>();
        Stay current = null;
        LocalDate abroadSince = null;
        for (Movement movement : movements) {
            if (movement.entry()) {
                if (current == null) {
                    current = new Stay(movement.date(), movement.manner(), null);
                } else if (abroadSince != null) {
                    noAccrual.add(abroadSince, movement.date().minusDays(1));
                    abroadSince = null;
                }
            } else if (current != null && abroadSince == null) {
                if (movement.advanceParole()) {
                    abroadSince = movement.date();
                } else {
                    stays.add(new Stay(current.enteredOn(), current.manner(), movement.date()));
                    current = null;
                }
            }
        }
        if (current != null) {
            if (abroadSince != null) {
                noAccrual.add(abroadSince, OPEN_END); // still abroad: nothing accrues
            }
            stays.add(current);
        }
        return stays;
    }

}
