package org.haven.eligibility.rules.asylum;

import org.haven.eligibility.history.CaseHistory;
import org.haven.events.CaseEventPayload;
import org.haven.events.CaseEventPayload.AsylumClockResumed;
import org.haven.events.CaseEventPayload.AsylumClockStopped;
import org.haven.events.CaseEventPayload.AsylumDenied;
import org.haven.events.CaseEventPayload.AsylumFiled;
import org.haven.events.CaseEventPayload.AsylumGranted;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The latest I-589 of a history: when it was filed (USCIS receipt of a complete application, or the EOIR lodged
 * date), how it was decided, and the applicant-caused stops of its EAD clock (8 CFR 208.7).
 */
public record AsylumApplication(AsylumFiled filing, @Nullable LocalDate grantedOn, @Nullable LocalDate deniedOn,
                                List<ClockStop> clockStops) {

    /** An applicant-caused delay: the clock excludes the days from {@code stoppedOn} to {@code resumedOn}. */
    public record ClockStop(LocalDate stoppedOn, @Nullable LocalDate resumedOn) {
    }

    public AsylumApplication {
        clockStops = clockStops.stream().sorted(Comparator.comparing(ClockStop::stoppedOn)).toList();
    }

    public static Optional<AsylumApplication> latest(CaseHistory history) {
        return history.last(AsylumFiled.class).map(filing -> of(filing, history.after(filing)));
    }

    private static AsylumApplication of(AsylumFiled filing, List<CaseEventPayload> later) {
        LocalDate granted = null;
        LocalDate denied = null;
        List<ClockStop> stops = new ArrayList<>();
        LocalDate openStop = null;
        for (CaseEventPayload event : later) {
            boolean decided = granted != null || denied != null;
            if (event instanceof AsylumGranted grant && !decided) {
                granted = grant.date();
            } else if (event instanceof AsylumDenied denial && !decided) {
                denied = denial.date();
            } else if (event instanceof AsylumClockStopped stop && openStop == null) {
                openStop = stop.date(); // a second stop while stopped changes nothing
            } else if (event instanceof AsylumClockResumed resume && openStop != null) {
                stops.add(new ClockStop(openStop, resume.date())); // a resume while running changes nothing
                openStop = null;
            }
        }
        if (openStop != null) {
            stops.add(new ClockStop(openStop, null));
        }
        return new AsylumApplication(filing, granted, denied, stops);
    }

    public LocalDate filedOn() {
        return filing.filedOn();
    }

    public @Nullable LocalDate decidedOn() {
        return grantedOn != null ? grantedOn : deniedOn;
    }

    public boolean decided() {
        return decidedOn() != null;
    }

    /** Pending from the filing day up to (not including) the decision day. */
    public boolean pendingOn(LocalDate date) {
        LocalDate decided = decidedOn();
        return !date.isBefore(filedOn()) && (decided == null || date.isBefore(decided));
    }

    /**
     * The date the asylum EAD clock reaches day {@code n}, the filing date being day 0 and each stop excluding
     * resume − stop days; empty while the clock is stopped before reaching it.
     */
    public Optional<LocalDate> clockReachesDay(int n) {
        LocalDate countingFrom = filedOn();
        long remaining = n;
        for (ClockStop stop : clockStops) {
            LocalDate stoppedOn = stop.stoppedOn().isBefore(countingFrom) ? countingFrom : stop.stoppedOn();
            long countedBeforeStop = ChronoUnit.DAYS.between(countingFrom, stoppedOn);
            if (countedBeforeStop >= remaining) {
                break;
            }
            remaining -= countedBeforeStop;
            if (stop.resumedOn() == null) {
                return Optional.empty();
            }
            countingFrom = stop.resumedOn().isBefore(stoppedOn) ? stoppedOn : stop.resumedOn();
        }
        return Optional.of(countingFrom.plusDays(remaining));
    }

    /** The stop that holds the clock now, if it was never resumed. */
    public Optional<LocalDate> stoppedSince() {
        return clockStops.isEmpty() || clockStops.getLast().resumedOn() != null
                ? Optional.empty() : Optional.of(clockStops.getLast().stoppedOn());
    }
}
