package org.haven.eligibility.rules;

import java.time.LocalDate;

/**
 * A court order that stays the enforcement of a rule: data with its own dates, so that lifting or extending it is
 * an edit of the rule set's data, not of the rule's logic.
 */
public record CourtStay(String caption, EffectivePeriod inForce) {

    public boolean inForceOn(LocalDate date) {
        return inForce.contains(date);
    }
}
