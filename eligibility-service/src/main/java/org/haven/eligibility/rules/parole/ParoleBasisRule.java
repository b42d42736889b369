package org.haven.eligibility.rules.parole;

import org.haven.eligibility.history.CaseHistory;
import org.haven.eligibility.rules.EffectivePeriod;
import org.haven.eligibility.rules.Finding;
import org.haven.eligibility.rules.Outcome;
import org.haven.eligibility.rules.Rule;
import org.haven.eligibility.rules.RuleDescriptor;
import org.haven.events.CaseEventPayload;
import org.haven.events.CaseEventPayload.EntryRecorded;
import org.haven.events.CaseEventPayload.ParoleDenied;
import org.haven.events.CaseEventPayload.ParoleGranted;
import org.haven.events.CaseEventPayload.ParoleRequested;
import org.haven.events.vocabulary.ParoleKind;
import org.haven.events.vocabulary.Pathway;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * PAROLE-BASIS: parole is decided case by case for urgent humanitarian reasons or significant public benefit;
 * it is not an admission and not a status. No rule can promise it: a pending request is a review, and a USCIS
 * approval is not an entry — CBP decides at the port.
 */
public final class ParoleBasisRule implements Rule {

    public static final String ID = "PAROLE-BASIS";

    private static final RuleDescriptor DESCRIPTOR = RuleDescriptor.verified(ID,
            "Parole is case by case for urgent humanitarian reasons or significant public benefit",
            "INA 212(d)(5)(A); 8 CFR 212.5", EffectivePeriod.longStanding());

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> evaluate(CaseHistory history, LocalDate asOf) {
        Optional<CaseEventPayload> latestDecisionOrRequest = history.lastMatching(CaseEventPayload.class,
                event -> event instanceof ParoleRequested || event instanceof ParoleGranted || event instanceof ParoleDenied);
        if (latestDecisionOrRequest.isEmpty()) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        switch (latestDecisionOrRequest.get()) {
            case ParoleRequested request -> findings.add(Finding.verdict(
                    request.kind() == ParoleKind.RE_PAROLE ? Pathway.REPAROLE : Pathway.PAROLE,
                    Outcome.needsReview("Parole requested on " + request.filedOn() + " (" + request.basis() + ", "
                            + request.urgency() + ") is decided case by case; USCIS triages by urgency, not filing order.")));
            case ParoleGranted grant -> {
                findings.add(Finding.verdict(Pathway.PAROLE, Outcome.eligible("USCIS granted parole on "
                        + grant.grantedOn() + ". Parole is not an admission: the parolee remains an applicant for admission.")));
                if (history.all(EntryRecorded.class).isEmpty() && history.person().lastArrivalDate() == null) {
                    findings.add(Finding.warning("No entry is recorded: a USCIS approval is not an entry; CBP decides "
                            + "at the port of entry (record the entry with manner PAROLED)."));
                }
            }
            case ParoleDenied denial -> findings.add(Finding.verdict(Pathway.PAROLE, Outcome.notEligible(
                    "Parole was denied on " + denial.date() + "; a new request needs a new showing of need.")));
            default -> throw new IllegalStateException("Unexpected parole event " + latestDecisionOrRequest.get());
        }
        return findings;
    }
}
