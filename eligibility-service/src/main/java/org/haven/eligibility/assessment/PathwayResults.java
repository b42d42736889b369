package org.haven.eligibility.assessment;

import org.haven.events.vocabulary.EligibilityResult;
import org.haven.events.vocabulary.Pathway;

import java.util.Comparator;
import java.util.List;

/**
 * How the verdicts of several rules on one pathway make its result. For most pathways every rule states a
 * condition, so the least favourable verdict wins (a parole in force but ended is ended). Work authorization has
 * several independent bases — one category that authorizes work is enough — so the most favourable verdict wins.
 */
final class PathwayResults {

    /** From least to most favourable. */
    private static final List<EligibilityResult> FAVOURABILITY = List.of(
            EligibilityResult.NOT_ELIGIBLE, EligibilityResult.NEEDS_REVIEW, EligibilityResult.ELIGIBLE);

    private PathwayResults() {
    }

    static EligibilityResult combine(Pathway pathway, List<EligibilityResult> verdicts) {
        Comparator<EligibilityResult> byFavourability = Comparator.comparingInt(FAVOURABILITY::indexOf);
        return pathway == Pathway.EAD
                ? verdicts.stream().max(byFavourability).orElseThrow()
                : verdicts.stream().min(byFavourability).orElseThrow();
    }
}
