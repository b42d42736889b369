package org.haven.eligibility.rules.parole;

import org.haven.eligibility.history.CaseHistory;
import org.haven.eligibility.rules.EffectivePeriod;
import org.haven.eligibility.rules.Finding;
import org.haven.eligibility.rules.Rule;
import org.haven.eligibility.rules.RuleDescriptor;
import org.haven.events.vocabulary.DeadlineType;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * PAROLE-EXPIRING: the parole's end date is a deadline with reminders 90, 60 and 30 days before (case-service
 * may configure them per organization). A parole granted with fewer days left has its reminders due at once —
 * case-service fires a reminder that is already due when it schedules it.
 */
public final class ParoleExpiringRule implements Rule {

    public static final String ID = "PAROLE-EXPIRING";
    public static final List<Integer> REMIND_DAYS_BEFORE = List.of(90, 60, 30);

    private static final RuleDescriptor DESCRIPTOR = RuleDescriptor.verified(ID,
            "ParoleExpiring 90, 60 and 30 days before the parole ends", "INA 212(d)(5)(A); 8 CFR 212.5(e)",
            EffectivePeriod.longStanding());

    private final ParoleEndRule paroleEnd;

    public ParoleExpiringRule(ParoleEndRule paroleEnd) {
        this.paroleEnd = paroleEnd;
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> evaluate(CaseHistory history, LocalDate asOf) {
        // A parole cut short by a departure or a termination has ended; there is no expiry left to remind of.
        return paroleEnd.latestTerm(history, asOf).filter(ParoleTerm::runsOut).map(term -> {
            List<Finding> findings = new ArrayList<>();
            findings.add(Finding.deadline(DeadlineType.PAROLE_EXPIRY, term.end(), REMIND_DAYS_BEFORE));
            long daysLeftAtGrant = ChronoUnit.DAYS.between(term.start(), term.end());
            if (daysLeftAtGrant < REMIND_DAYS_BEFORE.getFirst()) {
                findings.add(Finding.warning("Parole was granted with " + daysLeftAtGrant + " days left (ends "
                        + term.end() + "): the reminders already due fire at once."));
            }
            return findings;
        }).orElse(List.of());
    }
}
