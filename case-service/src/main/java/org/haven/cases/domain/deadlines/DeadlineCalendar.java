package org.haven.cases.domain.deadlines;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Where legal dates meet the clock: a deadline "on" a date fires at the start of that day in the
 * organization's time zone. One zone for the whole service for now ({@code haven.deadlines.zone}).
 */
public record DeadlineCalendar(ZoneId zone, Clock clock) {

    public Instant now() {
        return clock.instant();
    }

    public Instant startOf(LocalDate date) {
        return date.atStartOfDay(zone).toInstant();
    }
}
