package org.haven.eligibility.rules.ead;

import org.haven.eligibility.history.CaseHistory;
import org.haven.eligibility.rules.EffectivePeriod;
import org.haven.eligibility.rules.Finding;
import org.haven.eligibility.rules.Outcome;
import org.haven.eligibility.rules.Rule;
import org.haven.eligibility.rules.RuleDescriptor;
import org.haven.eligibility.rules.parole.ParoleEndRule;
import org.haven.events.vocabulary.Pathway;

import java.time.LocalDate;
import java.util.List;

/**
 * EAD-C11: parolees are not authorized to work incident to parole; they may apply under (c)(11), which USCIS
 * grants at its discretion, while the parole is in force. The card's cap (1 year, never past the parole end)
 * is EAD-MAX-VALIDITY's; the fee is FEES-HR1's.
 */
public final class EadC11Rule implements Rule {

    public static final String ID = "EAD-C11";

    private static final RuleDescriptor DESCRIPTOR = RuleDescriptor.verified(ID,
            "Parolees may apply for a discretionary (c)(11) EAD", "8 CFR 274a.12(c)(11); H.R. 1 (Pub. L. 119-21)",
            EffectivePeriod.longStanding());

    private final ParoleEndRule paroleEnd;

    public EadC11Rule(ParoleEndRule paroleEnd) {
        this.paroleEnd = paroleEnd;
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> evaluate(CaseHistory history, LocalDate asOf) {
        return paroleEnd.latestTerm(history, asOf)
                .filter(term -> !asOf.isBefore(term.start()))
                .<List<Finding>>map(term -> List.of(Finding.verdict(Pathway.EAD, term.endedBefore(asOf)
                        ? Outcome.notEligible("No (c)(11) EAD: the parole ended on " + term.end() + ".")
                        : Outcome.eligible("May apply for a (c)(11) EAD, granted at USCIS's discretion (work is not "
                        + "authorized incident to parole); a card cannot run past the parole end on " + term.end() + "."))))
                .orElse(List.of());
    }
}
