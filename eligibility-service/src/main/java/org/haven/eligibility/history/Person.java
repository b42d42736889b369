package org.haven.eligibility.history;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

/**
 * Who the history is about, as far as the rules need it. A real case whose {@code CaseOpened} was never seen
 * (a consumer that started late) has no date of birth or nationality; rules that need them say so.
 *
 * @param lastArrivalDate the arrival the case was opened with, before any {@code EntryRecorded}
 */
public record Person(@Nullable LocalDate dateOfBirth, @Nullable String countryOfNationality,
                     boolean unaccompaniedMinor, @Nullable LocalDate lastArrivalDate) {

    public static final Person UNKNOWN = new Person(null, null, false, null);
}
