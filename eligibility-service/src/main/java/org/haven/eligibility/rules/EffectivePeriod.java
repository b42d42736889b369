package org.haven.eligibility.rules;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

/**
 * When a rule, or one version of it, is in force: from a date, until a date (both inclusive), or open-ended.
 */
public record EffectivePeriod(LocalDate from, @Nullable LocalDate until) {

    /**
     * The earliest as-of date Haven answers for. A rule that was already in force before it is shown as in force
     * from this date: Haven makes no claim about what applied earlier.
     */
    public static final LocalDate EARLIEST_AS_OF = LocalDate.of(1997, 1, 1);

    public EffectivePeriod {
        if (until != null && until.isBefore(from)) {
            throw new IllegalArgumentException("Period ends (" + until + ") before it starts (" + from + ")");
        }
    }

    public static EffectivePeriod since(LocalDate from) {
        return new EffectivePeriod(from, null);
    }

    public static EffectivePeriod between(LocalDate from, LocalDate until) {
        return new EffectivePeriod(from, until);
    }

    /** In force since before {@link #EARLIEST_AS_OF}, with no end. */
    public static EffectivePeriod longStanding() {
        return since(EARLIEST_AS_OF);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(from) && (until == null || !date.isAfter(until));
    }
}
