package org.haven.eligibility.rules.parole;

import org.haven.eligibility.history.CaseHistory;
import org.haven.eligibility.rules.EffectivePeriod;
import org.haven.eligibility.rules.Finding;
import org.haven.eligibility.rules.Outcome;
import org.haven.eligibility.rules.Rule;
import org.haven.eligibility.rules.RuleDescriptor;
import org.haven.events.CaseEventPayload.ParoleGranted;
import org.haven.events.CaseEventPayload.ParoleRequested;
import org.haven.events.vocabulary.DeadlineType;
import org.haven.events.vocabulary.ParoleKind;
import org.haven.events.vocabulary.Pathway;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * REPAROLE-WINDOW: re-parole is a new I-131 with a new showing of need. Haven recommends filing no later than
 * 90 days before the parole ends; some programs accept filings no earlier than 180 days before the end (U4U
 * guidance). The 180-day opening is program-specific and only partly verified, so an answer that depends on it
 * is a review.
 */
public final class ReparoleWindowRule implements Rule {

    public static final String ID = "REPAROLE-WINDOW";
    public static final int OPENS_DAYS_BEFORE_END = 180;
    public static final int RECOMMENDED_DAYS_BEFORE_END = 90;

    private static final RuleDescriptor DESCRIPTOR = RuleDescriptor.unverified(ID,
            "Re-parole: file no later than 90 days before the end; some programs open 180 days before",
            "8 CFR 212.5; USCIS re-parole guidance for Ukrainians (U4U)", EffectivePeriod.longStanding(),
            "Partly verified: the 180-day opening is U4U guidance and program-specific; answers before it are NEEDS_REVIEW.");

    private final ParoleEndRule paroleEnd;

    public ReparoleWindowRule(ParoleEndRule paroleEnd) {
        this.paroleEnd = paroleEnd;
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> evaluate(CaseHistory history, LocalDate asOf) {
        Optional<ParoleTerm> latest = paroleEnd.latestTerm(history, asOf);
        // Only a parole that runs out by its date has a window; CHNV-TERMINATED answers for terminated programs.
        if (latest.isEmpty() || latest.get().endReason() != ParoleTerm.EndReason.VALIDITY_ENDS) {
            return List.of();
        }
        ParoleTerm term = latest.get();
        if (reparoleRequestedAfter(history, term.grant())) {
            return List.of(); // PAROLE-BASIS answers for the pending request
        }
        LocalDate opens = term.end().minusDays(OPENS_DAYS_BEFORE_END);
        LocalDate recommendedBy = term.end().minusDays(RECOMMENDED_DAYS_BEFORE_END);
        Outcome outcome;
        if (term.endedBefore(asOf)) {
            outcome = Outcome.needsReview("Parole ended on " + term.end() + ": a request now is a new parole, "
                    + "not a re-parole, and unlawful presence may be accruing.");
        } else if (asOf.isBefore(opens)) {
            outcome = Outcome.needsReview("Some programs (U4U) accept re-parole filings only from " + opens
                    + ", 180 days before the end; whether this program does is not verified. Recommended by "
                    + recommendedBy + ".");
        } else {
            outcome = Outcome.eligible("Re-parole may be requested now with a new I-131 and a new showing of need; "
                    + "recommended by " + recommendedBy + ".");
        }
        return List.of(
                Finding.deadline(DeadlineType.REPAROLE_WINDOW_OPENS, opens, List.of()),
                Finding.deadline(DeadlineType.REPAROLE_RECOMMENDED_BY, recommendedBy, List.of()),
                Finding.verdict(Pathway.REPAROLE, outcome));
    }

    private static boolean reparoleRequestedAfter(CaseHistory history, ParoleGranted grant) {
        return history.after(grant).stream()
                .anyMatch(event -> event instanceof ParoleRequested request && request.kind() == ParoleKind.RE_PAROLE);
    }
}
