package org.haven.eligibility.rules.parole;

import org.haven.eligibility.history.CaseHistory;
import org.haven.eligibility.rules.EffectivePeriod;
import org.haven.eligibility.rules.Finding;
import org.haven.eligibility.rules.Outcome;
import org.haven.eligibility.rules.Rule;
import org.haven.eligibility.rules.RuleDescriptor;
import org.haven.events.CaseEventPayload;
import org.haven.events.CaseEventPayload.DepartureRecorded;
import org.haven.events.CaseEventPayload.ParoleGranted;
import org.haven.events.CaseEventPayload.ParoleTerminated;
import org.haven.events.vocabulary.Pathway;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * PAROLE-END: parole ends at the earliest of its end date, departure, or termination. The one place that
 * decides when a parole ends; the expiry reminders, the re-parole window, the (c)(11) EAD and unlawful presence
 * all ask it.
 */
public final class ParoleEndRule implements Rule {

    public static final String ID = "PAROLE-END";

    private static final RuleDescriptor DESCRIPTOR = RuleDescriptor.verified(ID,
            "Parole ends at the earliest of its end date, departure or termination",
            "INA 212(d)(5)(A); 8 CFR 212.5(e)", EffectivePeriod.longStanding());

    private final ChnvTerminationRule chnvTermination;

    public ParoleEndRule(ChnvTerminationRule chnvTermination) {
        this.chnvTermination = chnvTermination;
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** Every grant's term, in recording order. A term's end only looks at what was recorded after its grant. */
    public List<ParoleTerm> terms(CaseHistory history, LocalDate asOf) {
        List<ParoleTerm> terms = new ArrayList<>();
        for (ParoleGranted grant : history.all(ParoleGranted.class)) {
            terms.add(termOf(grant, history.after(grant), asOf));
        }
        return terms;
    }

    /** The term of the most recent grant: the parole the person holds or last held. */
    public Optional<ParoleTerm> latestTerm(CaseHistory history, LocalDate asOf) {
        return history.last(ParoleGranted.class).map(grant -> termOf(grant, history.after(grant), asOf));
    }

    private ParoleTerm termOf(ParoleGranted grant, List<CaseEventPayload> later, LocalDate asOf) {
        ParoleTerm term = new ParoleTerm(grant, grant.validUntil(), ParoleTerm.EndReason.VALIDITY_ENDS);
        Optional<LocalDate> programEnd = chnvTermination.terminationOf(grant, asOf);
        if (programEnd.isPresent()) {
            term = earlier(term, programEnd.get(), ParoleTerm.EndReason.PROGRAM_TERMINATED);
        }
        for (CaseEventPayload event : later) {
            if (event instanceof ParoleGranted) {
                break; // what follows belongs to the next grant
            }
            if (event instanceof ParoleTerminated terminated && !terminated.date().isBefore(grant.grantedOn())) {
                term = earlier(term, terminated.date(), ParoleTerm.EndReason.TERMINATED);
            }
            if (event instanceof DepartureRecorded departure && !departure.date().isBefore(grant.grantedOn())) {
                // Leaving ends parole even with advance parole: the return is a new parole (8 CFR 212.5(e)(1)(i)).
                term = earlier(term, departure.date(), ParoleTerm.EndReason.DEPARTED);
            }
        }
        return term;
    }

    private static ParoleTerm earlier(ParoleTerm term, LocalDate end, ParoleTerm.EndReason reason) {
        return end.isBefore(term.end()) ? new ParoleTerm(term.grant(), end, reason) : term;
    }

    @Override
    public List<Finding> evaluate(CaseHistory history, LocalDate asOf) {
        return latestTerm(history, asOf)
                .filter(term -> !asOf.isBefore(term.start()))
                .<List<Finding>>map(term -> List.of(Finding.verdict(Pathway.PAROLE, term.endedBefore(asOf)
                        ? Outcome.notEligible("Parole ended on " + term.end() + " by " + term.endReason().description() + ".")
                        : Outcome.eligible("Parole is in force until " + term.end() + "."))))
                .orElse(List.of());
    }
}
