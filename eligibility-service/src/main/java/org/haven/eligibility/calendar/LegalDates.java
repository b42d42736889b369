package org.haven.eligibility.calendar;

import java.time.LocalDate;

/** Periods as the law counts them on legal dates (never instants). */
public final class LegalDates {

    private LegalDates() {
    }

    /**
     * "A year" after a date is the same month and day of the next year; a Feb 29 has no such day in a common
     * year and becomes Feb 28 ({@link LocalDate#plusYears} clamps to the month's last valid day).
     */
    public static LocalDate oneYearAfter(LocalDate date) {
        return yearsAfter(date, 1);
    }

    /**
     * The n-th anniversary, always counted from the original date: 2024-02-29 gives 2025-02-28 but 2028-02-29,
     * which adding one year n times would not.
     */
    public static LocalDate yearsAfter(LocalDate date, int years) {
        return date.plusYears(years);
    }

    /** The date on which the n-th day is reached when the start date is day 0. */
    public static LocalDate day(LocalDate dayZero, long n) {
        return dayZero.plusDays(n);
    }
}
