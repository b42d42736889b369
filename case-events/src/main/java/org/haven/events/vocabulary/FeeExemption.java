package org.haven.events.vocabulary;

/**
 * The exemptions from the parole fee of 8 U.S.C. 1804 (rules.md PAROLE-FEE). The last three are worded from
 * secondary sources: {@link #verified()} is false and assessments depending on them answer NEEDS_REVIEW.
 */
public enum FeeExemption {
    MEDICAL_EMERGENCY(true),
    PARENT_OR_GUARDIAN_OF_MINOR_WITH_MEDICAL_EMERGENCY(true),
    ORGAN_DONOR(true),
    DYING_CLOSE_RELATIVE(true),
    FUNERAL(true),
    ADOPTED_CHILD_WITH_URGENT_MEDICAL_NEED(true),
    ADJUSTMENT_APPLICANT_RETURNING_FROM_TRAVEL(true),
    RETURNED_TO_CONTIGUOUS_TERRITORY_PAROLED_FOR_HEARING(false),
    CUBAN_HAITIAN_ENTRANT(false),
    ASSISTING_US_LAW_ENFORCEMENT(false);

    private final boolean verified;

    FeeExemption(boolean verified) {
        this.verified = verified;
    }

    public boolean verified() {
        return verified;
    }
}
