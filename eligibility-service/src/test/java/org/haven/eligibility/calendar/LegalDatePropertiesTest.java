package org.haven.eligibility.calendar;

import org.haven.eligibility.Samples;
import org.haven.eligibility.rules.asylum.AsylumOneYearRule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Properties of legal date arithmetic, over generated dates (fixed seeds, edge cases always included). */
class LegalDatePropertiesTest {

    @ParameterizedTest
    @MethodSource("aFilingDeadlineNeverFallsOnAWeekendOrFederalHolidaySamples")
    void aFilingDeadlineNeverFallsOnAWeekendOrFederalHoliday(LocalDate deadline) {
        LocalDate filedBy = FilingDeadlines.rollForwardToBusinessDay(deadline);

        assertThat(filedBy.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(FederalHolidays.isObservedHoliday(filedBy)).isFalse();
        assertThat(filedBy).isAfterOrEqualTo(deadline);
        // the first business day, not just any: every day skipped was a weekend or holiday
        for (LocalDate day = deadline; day.isBefore(filedBy); day = day.plusDays(1)) {
            assertThat(FilingDeadlines.isBusinessDay(day)).as(day.toString()).isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("theAsylumDeadlineIsABusinessDayWithinAWeekOfTheAnniversarySamples")
    void theAsylumDeadlineIsABusinessDayWithinAWeekOfTheAnniversary(LocalDate arrival) {
        LocalDate deadline = AsylumOneYearRule.deadlineAfterArrival(arrival);

        assertThat(FilingDeadlines.isBusinessDay(deadline)).isTrue();
        assertThat(deadline).isBetween(LegalDates.oneYearAfter(arrival), LegalDates.oneYearAfter(arrival).plusDays(4));
    }

    @ParameterizedTest
    @MethodSource("oneYearAfterIsTheSameMonthAndDayNextYearOrFeb28ForFeb29Samples")
    void oneYearAfterIsTheSameMonthAndDayNextYearOrFeb28ForFeb29(LocalDate date) {
        LocalDate later = LegalDates.oneYearAfter(date);

        assertThat(later.getYear()).isEqualTo(date.getYear() + 1);
        if (date.getMonth() == Month.FEBRUARY && date.getDayOfMonth() == 29) {
            assertThat(later).isEqualTo(LocalDate.of(date.getYear() + 1, 2, 28));
        } else {
            assertThat(later.getMonth()).isEqualTo(date.getMonth());
            assertThat(later.getDayOfMonth()).isEqualTo(date.getDayOfMonth());
        }
    }

    @ParameterizedTest
    @MethodSource("anniversariesAreCountedFromTheOriginalDateSamples")
    void anniversariesAreCountedFromTheOriginalDate(LocalDate date) {
        // a Feb 29 date has its Feb 29 anniversary back in leap years; adding one year four times would lose it
        assertThat(LegalDates.yearsAfter(date, 4).getDayOfMonth()).isEqualTo(date.getDayOfMonth());
    }

    static Stream<LocalDate> aFilingDeadlineNeverFallsOnAWeekendOrFederalHolidaySamples() {
        return Samples.dates("aFilingDeadlineNeverFallsOnAWeekendOrFederalHoliday", 300, "1997-01-01", "2100-12-20");
    }

    static Stream<LocalDate> theAsylumDeadlineIsABusinessDayWithinAWeekOfTheAnniversarySamples() {
        return Samples.dates("theAsylumDeadlineIsABusinessDayWithinAWeekOfTheAnniversary", 300, "1997-04-01", "2099-12-31");
    }

    static Stream<LocalDate> oneYearAfterIsTheSameMonthAndDayNextYearOrFeb28ForFeb29Samples() {
        return Samples.dates("oneYearAfterIsTheSameMonthAndDayNextYearOrFeb28ForFeb29", 300, "1997-01-01", "2099-12-31");
    }

    static Stream<LocalDate> anniversariesAreCountedFromTheOriginalDateSamples() {
        return Samples.dates("anniversariesAreCountedFromTheOriginalDate", 200, "1997-01-01", "2080-12-31");
    }
}
