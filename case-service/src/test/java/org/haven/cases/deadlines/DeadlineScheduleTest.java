package org.haven.cases.deadlines;

import org.haven.cases.domain.CaseId;
import org.haven.cases.domain.deadlines.AdjustmentEligible;
import org.haven.cases.domain.deadlines.DeadlineApproaching;
import org.haven.cases.domain.deadlines.DeadlineCalendar;
import org.haven.cases.domain.deadlines.DeadlineSchedule;
import org.haven.cases.domain.deadlines.ParoleExpired;
import org.haven.cases.domain.deadlines.ParoleExpiring;
import org.haven.cases.domain.deadlines.ScheduledDeadline;
import org.haven.cases.domain.deadlines.UnlawfulPresenceThresholdReached;
import org.haven.events.Assessment;
import org.haven.events.vocabulary.DeadlineType;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DeadlineScheduleTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Assessment.Deadline PAROLE_ENDS_2026_10_31 = new Assessment.Deadline(DeadlineType.PAROLE_EXPIRY,
            LocalDate.of(2026, 10, 31), "PAROLE-EXPIRING", "INA 212(d)(5)(A); 8 CFR 212.5", List.of(90, 60, 30));

    private static DeadlineCalendar on(LocalDate today) {
        return new DeadlineCalendar(NEW_YORK, Clock.fixed(today.atStartOfDay(NEW_YORK).plusHours(9).toInstant(), NEW_YORK));
    }

    private static Assessment assessing(Assessment.Deadline... deadlines) {
        return new Assessment(LocalDate.of(2025, 11, 1), "test", List.of(), List.of(deadlines), List.of());
    }

    private static List<LocalDate> firingDays(List<ScheduledDeadline> plan) {
        return plan.stream().map(firing -> LocalDate.ofInstant(firing.firesAt(), NEW_YORK)).toList();
    }

    @Test
    void paroleGrantedAYearAheadRemindsAt90_60And30DaysAndExpiresTheDayAfterItsEnd() {
        List<ScheduledDeadline> plan = DeadlineSchedule.plan(assessing(PAROLE_ENDS_2026_10_31), on(LocalDate.of(2025, 11, 1)), Set.of());

        assertThat(firingDays(plan)).containsExactly(
                LocalDate.of(2026, 8, 2), LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 1));
        assertThat(plan).extracting(ScheduledDeadline::daysBefore).containsExactly(90, 60, 30, 0);
    }

    @Test
    void paroleGrantedWithFewerThan30DaysLeftIsExpiringAtOnceOnlyOnce() {
        DeadlineCalendar calendar = on(LocalDate.of(2026, 10, 11));

        List<ScheduledDeadline> plan = DeadlineSchedule.plan(assessing(PAROLE_ENDS_2026_10_31), calendar, Set.of());

        assertThat(plan).extracting(ScheduledDeadline::daysBefore).containsExactly(30, 0);
        assertThat(plan.getFirst().firesAt()).isEqualTo(calendar.now());
    }

    @Test
    void aFiringThatAlreadyFiredIsNotPlannedAgain() {
        String thirtyDaysBefore = DeadlineType.PAROLE_EXPIRY + "/2026-10-31/30";

        List<ScheduledDeadline> plan = DeadlineSchedule.plan(assessing(PAROLE_ENDS_2026_10_31), on(LocalDate.of(2026, 10, 11)), Set.of(thirtyDaysBefore));

        assertThat(plan).extracting(ScheduledDeadline::daysBefore).containsExactly(0);
    }

    @Test
    void aDeadlineAlreadyPastFiresAtOnce() {
        var asylum = new Assessment.Deadline(DeadlineType.ADJUSTMENT_ELIGIBLE, LocalDate.of(2026, 6, 1), "REFUGEE-ADJUSTMENT", "INA 209(a)", List.of());
        DeadlineCalendar calendar = on(LocalDate.of(2026, 7, 1));

        List<ScheduledDeadline> plan = DeadlineSchedule.plan(assessing(asylum), calendar, Set.of());

        assertThat(plan).singleElement().satisfies(firing -> assertThat(firing.firesAt()).isEqualTo(calendar.now()));
    }

    @Test
    void eachFiringRecordsTheEventOfItsKind() {
        CaseId caseId = CaseId.newId();
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        LocalDate due = LocalDate.of(2026, 10, 31);

        assertThat(DeadlineSchedule.eventFor(caseId, new ScheduledDeadline(DeadlineType.PAROLE_EXPIRY, due, 60, "R", "C", at))).isInstanceOf(ParoleExpiring.class);
        assertThat(DeadlineSchedule.eventFor(caseId, new ScheduledDeadline(DeadlineType.PAROLE_EXPIRY, due, 0, "R", "C", at))).isInstanceOf(ParoleExpired.class);
        assertThat(DeadlineSchedule.eventFor(caseId, new ScheduledDeadline(DeadlineType.ADJUSTMENT_ELIGIBLE, due, 0, "R", "C", at))).isInstanceOf(AdjustmentEligible.class);
        assertThat(DeadlineSchedule.eventFor(caseId, new ScheduledDeadline(DeadlineType.UNLAWFUL_PRESENCE_180, due, 0, "R", "C", at))).isInstanceOf(UnlawfulPresenceThresholdReached.class);
        assertThat(DeadlineSchedule.eventFor(caseId, new ScheduledDeadline(DeadlineType.RFE_RESPONSE_DUE, due, 7, "R", "C", at))).isInstanceOf(DeadlineApproaching.class);
    }
}
