package org.haven.eligibility.rules;

import org.haven.events.vocabulary.EligibilityResult;

/** A rule's answer for a pathway, always with the sentence a caseworker reads. */
public sealed interface Outcome {

    String message();

    EligibilityResult result();

    static Outcome eligible(String message) {
        return new Eligible(message);
    }

    static Outcome notEligible(String reason) {
        return new NotEligible(reason);
    }

    static Outcome needsReview(String reason) {
        return new NeedsReview(reason);
    }

    record Eligible(String message) implements Outcome {
        @Override
        public EligibilityResult result() {
            return EligibilityResult.ELIGIBLE;
        }
    }

    record NotEligible(String message) implements Outcome {
        @Override
        public EligibilityResult result() {
            return EligibilityResult.NOT_ELIGIBLE;
        }
    }

    /** The facts or the law leave the answer to a person: unverified sources, exceptions, discretion. */
    record NeedsReview(String message) implements Outcome {
        @Override
        public EligibilityResult result() {
            return EligibilityResult.NEEDS_REVIEW;
        }
    }
}
