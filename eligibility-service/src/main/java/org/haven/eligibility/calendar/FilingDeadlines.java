package org.haven.eligibility.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * A filing deadline that falls on a Saturday, Sunday or federal holiday moves to the next business day
 * (8 CFR 1.1(h): "day" when computing a period; 8 CFR 1.4). Only filing deadlines move: status ends,
 * thresholds and earliest dates are exact dates.
 */
public final class FilingDeadlines {

    private FilingDeadlines() {
    }

    public static LocalDate rollForwardToBusinessDay(LocalDate deadline) {
        LocalDate day = deadline;
        while (!isBusinessDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    public static boolean isBusinessDay(LocalDate day) {
        DayOfWeek dayOfWeek = day.getDayOfWeek();
        return dayOfWeek != DayOfWeek.SATURDAY && dayOfWeek != DayOfWeek.SUNDAY && !FederalHolidays.isObservedHoliday(day);
    }
}
