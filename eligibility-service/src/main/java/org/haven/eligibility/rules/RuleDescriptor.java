package org.haven.eligibility.rules;

import org.jspecify.annotations.Nullable;

/**
 * What the catalogue says about a rule.
 *
 * @param id       the id of rules.md, used by code, tests, answers and notifications
 * @param inForce  when the rule applies; an assessment as of a date outside it does not evaluate the rule
 * @param verified false where rules.md marks the source (or part of it) unverified: outcomes that depend on
 *                 the unverified part answer NEEDS_REVIEW rather than a confident answer
 * @param note     what is unverified or approximated, for the catalogue; null when nothing is
 */
public record RuleDescriptor(String id, String title, String citation, EffectivePeriod inForce, boolean verified,
                             @Nullable String note) {

    public static RuleDescriptor verified(String id, String title, String citation, EffectivePeriod inForce) {
        return new RuleDescriptor(id, title, citation, inForce, true, null);
    }

    public static RuleDescriptor unverified(String id, String title, String citation, EffectivePeriod inForce,
                                            String note) {
        return new RuleDescriptor(id, title, citation, inForce, false, note);
    }

    /** Verified as a whole, with a note on what it does not model. */
    public RuleDescriptor withNote(String note) {
        return new RuleDescriptor(id, title, citation, inForce, verified, note);
    }
}
