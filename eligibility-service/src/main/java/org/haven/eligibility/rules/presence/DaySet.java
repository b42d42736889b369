package org.haven.eligibility.rules.presence;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A set of days kept as merged, inclusive intervals: the days on which unlawful presence does not accrue. Counting
 * works on intervals, not day by day, so that a stay of decades costs as little as a stay of weeks.
 */
final class DaySet {

    record Interval(LocalDate first, LocalDate last) {
    }

    private final List<Interval> intervals = new ArrayList<>();

    /** Adds the days from {@code first} to {@code last}, both inclusive; an empty range adds nothing. */
    void add(LocalDate first, LocalDate last) {
        if (!last.isBefore(first)) {
            intervals.add(new Interval(first, last));
        }
    }

    /** The days of [{@code from}, {@code until}] not in this set, as intervals in date order. */
    List<Interval> complementWithin(LocalDate from, LocalDate until) {
        List<Interval> merged = merged();
        List<Interval> free = new ArrayList<>();
        LocalDate cursor = from;
        for (Interval blocked : merged) {
            if (blocked.last().isBefore(cursor)) {
                continue;
            }
            if (blocked.first().isAfter(until)) {
                break;
            }
            if (blocked.first().isAfter(cursor)) {
                free.add(new Interval(cursor, blocked.first().minusDays(1)));
            }
            if (!blocked.last().isBefore(until)) {
                return free;
            }
            cursor = blocked.last().plusDays(1);
        }
        if (!cursor.isAfter(until)) {
            free.add(new Interval(cursor, until));
        }
        return free;
    }

    static long count(List<Interval> intervals) {
        return intervals.stream().mapToLong(interval -> ChronoUnit.DAYS.between(interval.first(), interval.last()) + 1).sum();
    }

    /** The date of the n-th day (1-based) counted through the intervals. */
    static Optional<LocalDate> nthDay(List<Interval> intervals, long n) {
        long remaining = n;
        for (Interval interval : intervals) {
            long length = ChronoUnit.DAYS.between(interval.first(), interval.last()) + 1;
            if (remaining <= length) {
                return Optional.of(interval.first().plusDays(remaining - 1));
            }
            remaining -= length;
        }
        return Optional.empty();
    }

    private List<Interval> merged() {
        List<Interval> sorted = intervals.stream().sorted(Comparator.comparing(Interval::first)).toList();
        List<Interval> merged = new ArrayList<>();
        for (Interval interval : sorted) {
            if (!merged.isEmpty() && !interval.first().isAfter(merged.getLast().last().plusDays(1))) {
                Interval last = merged.removeLast();
                merged.add(new Interval(last.first(), interval.last().isAfter(last.last()) ? interval.last() : last.last()));
            } else {
                merged.add(interval);
            }
        }
        return merged;
    }
}
