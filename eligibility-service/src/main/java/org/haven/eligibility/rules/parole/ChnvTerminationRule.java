package org.haven.eligibility.rules.parole;

import org.haven.eligibility.history.CaseHistory;
import org.haven.eligibility.rules.EffectivePeriod;
import org.haven.eligibility.rules.Finding;
import org.haven.eligibility.rules.Outcome;
import org.haven.eligibility.rules.Rule;
import org.haven.eligibility.rules.RuleDescriptor;
import org.haven.events.CaseEventPayload.ParoleGranted;
import org.haven.events.vocabulary.Pathway;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * CHNV-TERMINATED: the parole processes for Cubans, Haitians, Nicaraguans and Venezuelans were terminated, and
 * parole granted under them ends on 2025-04-24 unless it ends earlier (90 FR 13611). A grant belongs to CHNV when
 * its {@code program} is recorded as {@code CHNV} (or a code starting with it, e.g. {@code CHNV-VE}).
 */
public final class ChnvTerminationRule implements Rule {

    public static final String ID = "CHNV-TERMINATED";
    public static final LocalDate PAROLE_ENDS = LocalDate.of(2025, 4, 24);

    private static final RuleDescriptor DESCRIPTOR = RuleDescriptor.verified(ID,
                    "CHNV parole terminated effective 2025-04-24", "90 FR 13611",
                    EffectivePeriod.since(PAROLE_ENDS))
            .withNote("Applies to grants recorded with program CHNV; individual decisions by DHS to let a parole "
                    + "continue are not modelled.");

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** The day a grant's parole ends because of the termination, if the grant is a CHNV one and it is in force. */
    Optional<LocalDate> terminationOf(ParoleGranted grant, LocalDate asOf) {
        if (!DESCRIPTOR.inForce().contains(asOf) || !isChnv(grant) || grant.grantedOn().isAfter(PAROLE_ENDS)) {
            return Optional.empty();
        }
        return Optional.of(PAROLE_ENDS);
    }

    @Override
    public List<Finding> evaluate(CaseHistory history, LocalDate asOf) {
        return history.last(ParoleGranted.class)
                .filter(ChnvTerminationRule::isChnv)
                .filter(grant -> grant.validUntil().isAfter(PAROLE_ENDS) && !grant.grantedOn().isAfter(PAROLE_ENDS))
                .<List<Finding>>map(grant -> List.of(
                        Finding.warning("CHNV parole granted on " + grant.grantedOn() + " was terminated: it ended on "
                                + PAROLE_ENDS + ", not on " + grant.validUntil() + "."),
                        Finding.verdict(Pathway.REPAROLE, Outcome.notEligible(
                                "The CHNV processes are terminated: there is no re-parole under them; any new request "
                                        + "is a case-by-case parole request."))))
                .orElse(List.of());
    }

    static boolean isChnv(ParoleGranted grant) {
        return grant.program() != null && grant.program().toUpperCase(Locale.ROOT).startsWith("CHNV");
    }
}
