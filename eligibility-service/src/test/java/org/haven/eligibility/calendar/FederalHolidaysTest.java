package org.haven.eligibility.calendar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FederalHolidaysTest {

    @ParameterizedTest(name = "{0} is an observed federal holiday: {1} ({2})")
    @CsvSource({
            "2026-07-03, true,  Independence Day 2026 falls on a Saturday: observed Friday",
            "2026-07-04, false, the Saturday itself is not the observed day",
            "2021-12-31, true,  New Year's Day 2022 falls on a Saturday: observed Friday 2021-12-31",
            "2022-01-01, false, ",
            "2026-11-26, true,  Thanksgiving: fourth Thursday of November",
            "2026-11-27, false, the day after Thanksgiving is not a federal holiday",
            "2021-06-18, true,  Juneteenth 2021 (a Saturday) observed Friday, its first year",
            "2020-06-19, false, no Juneteenth before 2021",
            "2022-06-20, true,  Juneteenth 2022 falls on a Sunday: observed Monday",
            "2023-01-02, true,  New Year's Day 2023 falls on a Sunday: observed Monday",
            "2026-01-19, true,  Martin Luther King Jr. Day: third Monday of January",
            "2026-02-16, true,  Washington's Birthday: third Monday of February",
            "2026-05-25, true,  Memorial Day: last Monday of May",
            "2026-09-07, true,  Labor Day: first Monday of September",
            "2026-10-12, true,  Columbus Day: second Monday of October",
            "2023-11-10, true,  Veterans Day 2023 falls on a Saturday: observed Friday",
            "2022-12-26, true,  Christmas 2022 falls on a Sunday: observed Monday",
            "1997-01-01, true,  first day covered",
            "2100-12-24, true,  Christmas 2100 falls on a Saturday: observed Friday",
            "2025-01-20, true,  MLK Day 2025 (also an Inauguration Day, which is not modelled)",
            "2029-01-22, false, Inauguration Day 2029 (a Monday, after MLK Day on the 15th) is not a holiday here",
    })
    void observedHolidaysAreComputedFromTheirDefinitions(LocalDate date, boolean holiday, String why) {
        assertThat(FederalHolidays.isObservedHoliday(date)).as(why).isEqualTo(holiday);
    }

    @Test
    void everyYearHasTenHolidaysBefore2021AndElevenFromThen() {
        assertThat(FederalHolidays.observedIn(2020)).hasSize(10);
        assertThat(FederalHolidays.observedIn(2021)).hasSize(11);
        assertThat(FederalHolidays.observedIn(2100)).hasSize(11);
    }

    @Test
    void datesOutsideTheCoveredYearsAreRefused() {
        assertThatThrownBy(() -> FederalHolidays.isObservedHoliday(LocalDate.of(1996, 12, 31)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1997 to 2100");
    }

    @ParameterizedTest(name = "filing deadline {0} moves to {1}")
    @CsvSource({
            "2026-01-04, 2026-01-05",   // Sunday
            "2026-07-03, 2026-07-06",   // observed holiday (Friday), then the weekend
            "2026-11-26, 2026-11-27",   // Thanksgiving
            "2021-12-31, 2022-01-03",   // observed New Year's Day, then the weekend
            "2026-06-10, 2026-06-10",   // a Wednesday stays
    })
    void filingDeadlinesRollForwardToTheNextBusinessDay(LocalDate deadline, LocalDate filedBy) {
        assertThat(FilingDeadlines.rollForwardToBusinessDay(deadline)).isEqualTo(filedBy);
    }
}
