package org.haven.eligibility.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The legal public holidays of 5 U.S.C. 6103(a), computed from their definitions, as federal offices observe
 * them: a fixed-date holiday on a Saturday is observed the Friday before, on a Sunday the Monday after
 * (Executive Order 11582). Juneteenth exists from 2021. Inauguration Day (DC area only) is not included:
 * filings are not made only in the DC area.
 *
 * <p>Covers 1997 to 2100, plus 2101 so that a deadline late in 2100 can still roll forward. The observed days
 * are computed once into a bit set: a look-up is an array access, which screenings call many times.
 */
public final class FederalHolidays {

    public static final int FIRST_YEAR = 1997;
    public static final int LAST_YEAR = 2100;

    private static final LocalDate FIRST_DAY = LocalDate.of(FIRST_YEAR, 1, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(LAST_YEAR + 1, 12, 31);
    private static final BitSet OBSERVED = observedDays();

    private FederalHolidays() {
    }

    /** Whether federal offices are closed for a holiday on this date (the observed day, not the nominal one). */
    public static boolean isObservedHoliday(LocalDate date) {
        if (date.isBefore(FIRST_DAY) || date.isAfter(LAST_DAY)) {
            throw new IllegalArgumentException("Haven's holiday calendar covers " + FIRST_YEAR + " to " + LAST_YEAR
                    + "; " + date + " is outside it");
        }
        return OBSERVED.get(index(date));
    }

    /**
     * The observed holidays of one year by their nominal year: New Year's Day 2022 fell on a Saturday and was
     * observed on 2021-12-31, so it is listed under 2022 with that date.
     */
    public static List<LocalDate> observedIn(int year) {
        List<LocalDate> days = new ArrayList<>();
        days.add(observed(LocalDate.of(year, Month.JANUARY, 1)));                            // New Year's Day
        days.add(nth(year, Month.JANUARY, 3, DayOfWeek.MONDAY));                             // Birthday of Martin Luther King, Jr.
        days.add(nth(year, Month.FEBRUARY, 3, DayOfWeek.MONDAY));                            // Washington's Birthday
        days.add(LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY))); // Memorial Day
        if (year >= 2021) {
            days.add(observed(LocalDate.of(year, Month.JUNE, 19)));                          // Juneteenth (Pub. L. 117-17)
        }
        days.add(observed(LocalDate.of(year, Month.JULY, 4)));                               // Independence Day
        days.add(nth(year, Month.SEPTEMBER, 1, DayOfWeek.MONDAY));                           // Labor Day
        days.add(nth(year, Month.OCTOBER, 2, DayOfWeek.MONDAY));                             // Columbus Day
        days.add(observed(LocalDate.of(year, Month.NOVEMBER, 11)));                          // Veterans Day
        days.add(nth(year, Month.NOVEMBER, 4, DayOfWeek.THURSDAY));                          // Thanksgiving Day
        days.add(observed(LocalDate.of(year, Month.DECEMBER, 25)));                          // Christmas Day
        return days;
    }

    private static LocalDate observed(LocalDate nominal) {
        return switch (nominal.getDayOfWeek()) {
            case SATURDAY -> nominal.minusDays(1);
            case SUNDAY -> nominal.plusDays(1);
            default -> nominal;
        };
    }

    private static LocalDate nth(int year, Month month, int n, DayOfWeek dayOfWeek) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, dayOfWeek));
    }

    private static BitSet observedDays() {
        BitSet days = new BitSet();
        // One year past each end: New Year's Day of the following year may be observed on Dec 31.
        for (int year = FIRST_YEAR; year <= LAST_YEAR + 2; year++) {
            for (LocalDate day : observedIn(year)) {
                if (!day.isBefore(FIRST_DAY) && !day.isAfter(LAST_DAY)) {
                    days.set(index(day));
                }
            }
        }
        return days;
    }

    private static int index(LocalDate date) {
        return (int) (date.toEpochDay() - FIRST_DAY.toEpochDay());
    }
}
