package org.haven.eligibility.rules.ead;

import org.haven.eligibility.history.CaseHistory;
import org.haven.eligibility.rules.EffectivePeriod;
import org.haven.eligibility.rules.Finding;
import org.haven.eligibility.rules.Rule;
import org.haven.eligibility.rules.RuleDescriptor;
import org.haven.eligibility.rules.parole.ParoleEndRule;
import org.haven.eligibility.rules.parole.ParoleTerm;
import org.haven.eligibility.rules.tps.TpsDesignation;
import org.haven.eligibility.rules.tps.TpsDesignations;
import org.haven.events.CaseEventPayload.EadApproved;
import org.haven.events.CaseEventPayload.TpsApplied;
import org.haven.events.CaseEventPayload.TpsGranted;
import org.haven.events.vocabulary.EadCategory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * EAD-MAX-VALIDITY: the longest a card may run, by category and by when its application was decided.
 * <ul>
 *   <li>(a)(3), (a)(5), (c)(8): 5 years for applications decided under the September 2023 policy; 18 months for
 *       applications pending or filed on or after 2025-12-05 (cards already issued keep their dates).</li>
 *   <li>(c)(11), (a)(12), (c)(19): 1 year and never past the parole or TPS end, for applications pending or filed on
 *       or after 2025-07-22 (H.R. 1).</li>
 * </ul>
 * An approval records no decision date; its {@code validFrom} stands for it. A card whose date exceeds its maximum
 * is flagged. A card may end a day later than the exact period without being flagged (cards conventionally end the
 * day before the anniversary; a day's difference is not worth an alarm).
 */
public final class EadMaxValidityRule implements Rule {

    public static final String ID = "EAD-MAX-VALIDITY";
    public static final LocalDate FIVE_YEAR_POLICY_FROM = LocalDate.of(2023, 9, 27);
    public static final LocalDate EIGHTEEN_MONTHS_FROM = LocalDate.of(2025, 12, 5);
    public static final LocalDate HR1_ONE_YEAR_FROM = LocalDate.of(2025, 7, 22);

    private static final Set<EadCategory> STATUS_AND_PENDING_ASYLUM = EnumSet.of(EadCategory.a3, EadCategory.a5, EadCategory.c8);

    private static final RuleDescriptor DESCRIPTOR = RuleDescriptor.verified(ID,
                    "Maximum EAD validity by category and decision date",
                    "USCIS Policy Manual, Vol. 10, Part A (updates of 2023-09-27 and 2025-12-04); H.R. 1 (Pub. L. 119-21)",
                    EffectivePeriod.since(FIVE_YEAR_POLICY_FROM))
            .withNote("The card's validFrom stands for the decision date. (a)(10), (c)(9) and (c)(10) are not categories "
                    + "Haven records. Cards decided before 2023-09-27 are not checked.");

    private final ParoleEndRule paroleEnd;
    private final TpsDesignations designations;

    public EadMaxValidityRule(ParoleEndRule paroleEnd, TpsDesignations designations) {
        this.paroleEnd = paroleEnd;
        this.designations = designations;
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> evaluate(CaseHistory history, LocalDate asOf) {
        List<Finding> findings = new ArrayList<>();
        for (EadApplication application : EadApplication.all(history)) {
            EadApproved card = application.approval();
            if (card == null) {
                continue;
            }
            EadCategory category = application.filing().category();
            maximum(history, category, application.filing().filedOn(), card, asOf)
                    .filter(maximum -> card.validUntil().isAfter(maximum.lastDay()))
                    .ifPresent(maximum -> findings.add(Finding.warning("The (" + category + ") card valid from "
                            + card.validFrom() + " until " + card.validUntil() + " runs past its maximum of "
                            + maximum.lastDay() + " (" + maximum.why() + ").")));
        }
        return findings;
    }

    private record Maximum(LocalDate lastDay, String why) {
    }

    private Optional<Maximum> maximum(CaseHistory history, EadCategory category, LocalDate filedOn, EadApproved card,
                                      LocalDate asOf) {
        LocalDate decided = card.validFrom();
        if (STATUS_AND_PENDING_ASYLUM.contains(category)) {
            if (!decided.isBefore(EIGHTEEN_MONTHS_FROM) || !filedOn.isBefore(EIGHTEEN_MONTHS_FROM)) {
                return Optional.of(new Maximum(decided.plusMonths(18), "18 months for applications pending or filed on or after "
                        + EIGHTEEN_MONTHS_FROM));
            }
            if (!decided.isBefore(FIVE_YEAR_POLICY_FROM)) {
                return Optional.of(new Maximum(decided.plusYears(5), "5 years under the September 2023 policy"));
            }
            return Optional.empty();
        }
        if (decided.isBefore(HR1_ONE_YEAR_FROM)) {
            return Optional.empty();
        }
        LocalDate oneYear = decided.plusYears(1);
        Optional<LocalDate> statusEnd = switch (category) {
            case c11 -> paroleEnd.latestTerm(history, asOf).map(ParoleTerm::end);
            case a12, c19 -> history.last(TpsGranted.class).map(TpsGranted::validUntil)
                    .or(() -> history.last(TpsApplied.class)
                            .flatMap(applied -> designations.windowContaining(applied.country(), applied.filedOn()))
                            .map(TpsDesignation::designationEnd));
            default -> Optional.empty();
        };
        if (statusEnd.isPresent() && statusEnd.get().isBefore(oneYear)) {
            return Optional.of(new Maximum(statusEnd.get(), "never past the " + (category == EadCategory.c11 ? "parole" : "TPS")
                    + " end, H.R. 1"));
        }
        return Optional.of(new Maximum(oneYear, "1 year for applications pending or filed on or after " + HR1_ONE_YEAR_FROM
                + ", H.R. 1"));
    }
}
