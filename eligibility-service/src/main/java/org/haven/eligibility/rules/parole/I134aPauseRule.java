package org.haven.eligibility.rules.parole;

import org.haven.eligibility.history.CaseHistory;
import org.haven.eligibility.rules.EffectivePeriod;
import org.haven.eligibility.rules.Finding;
import org.haven.eligibility.rules.Rule;
import org.haven.eligibility.rules.RuleDescriptor;
import org.haven.events.CaseEventPayload.ParoleRequested;
import org.haven.events.vocabulary.ParoleKind;

import java.time.LocalDate;
import java.util.List;

/**
 * I134A-PAUSE: from 2025-01-28 USCIS accepts no new Form I-134A supporter requests for the categorical parole
 * processes; requests already filed are still reviewed. An initial parole request made since then can only be
 * the case-by-case kind (I-131 with I-134).
 */
public final class I134aPauseRule implements Rule {

    public static final String ID = "I134A-PAUSE";
    public static final LocalDate PAUSED_FROM = LocalDate.of(2025, 1, 28);

    private static final RuleDescriptor DESCRIPTOR = RuleDescriptor.verified(ID,
            "No new Form I-134A supporter requests for categorical parole processes",
            "USCIS, Form I-134A page: acceptance paused from 2025-01-28", EffectivePeriod.since(PAUSED_FROM));

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> evaluate(CaseHistory history, LocalDate asOf) {
        return history.lastMatching(ParoleRequested.class,
                        request -> request.kind() == ParoleKind.INITIAL && !request.filedOn().isBefore(PAUSED_FROM))
                .<List<Finding>>map(request -> List.of(Finding.warning("Parole requested on " + request.filedOn()
                        + ": since " + PAUSED_FROM + " USCIS accepts no new I-134A supporter requests for categorical "
                        + "parole processes, so this request is decided case by case (I-131 with I-134).")))
                .orElse(List.of());
    }
}
