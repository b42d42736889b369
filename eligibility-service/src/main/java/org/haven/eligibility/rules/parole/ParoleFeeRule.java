package org.haven.eligibility.rules.parole;

import org.haven.eligibility.history.CaseHistory;
import org.haven.eligibility.rules.EffectivePeriod;
import org.haven.eligibility.rules.Finding;
import org.haven.eligibility.rules.Outcome;
import org.haven.eligibility.rules.Rule;
import org.haven.eligibility.rules.RuleDescriptor;
import org.haven.events.CaseEventPayload.ParoleGranted;
import org.haven.events.CaseEventPayload.ParoleRequested;
import org.haven.events.vocabulary.FeeExemption;
import org.haven.events.vocabulary.Pathway;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * PAROLE-FEE: 8 U.S.C. 1804 (H.R. 1) charges a parole fee at every grant on or after 2025-10-16 (initial parole,
 * re-parole, parole in place), even if the request was made earlier; separate from the I-131 fee; no waiver.
 * Exemptions must be claimed: on the request or on the grant.
 *
 * <p>The amount is $1,000 for FY2025 and is indexed every fiscal year to CPI-U, rounded down to $10. Only
 * amounts Haven has a source for are in {@link #AMOUNTS}; for a later fiscal year the answer says plainly that it
 * shows the last known amount and that the indexed one must be confirmed — it never computes an index itself.
 */
public final class ParoleFeeRule implements Rule {

    public static final String ID = "PAROLE-FEE";
    public static final LocalDate GRANTS_FROM = LocalDate.of(2025, 10, 16);

    /** A fee amount for one federal fiscal year (FY N runs from October 1 of N-1 to September 30 of N). */
    public record FiscalYearAmount(int fiscalYear, int dollars, String source) {
    }

    public static final List<FiscalYearAmount> AMOUNTS = List.of(
            new FiscalYearAmount(2025, 1_000, "8 U.S.C. 1804 (H.R. 1, Pub. L. 119-21)"));

    private static final RuleDescriptor DESCRIPTOR = RuleDescriptor.verified(ID,
                    "Parole fee at grant, for grants on or after 2025-10-16", "8 U.S.C. 1804 (H.R. 1, Pub. L. 119-21)",
                    EffectivePeriod.since(GRANTS_FROM))
            .withNote("Amounts known: FY2025 $1,000. Later fiscal years are CPI-U indexed; until their amount is added, "
                    + "answers show $1,000 and say the indexed amount must be confirmed. The wording of three exemptions "
                    + "is unverified (FeeExemption.verified() == false): claims of them are NEEDS_REVIEW.");

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> evaluate(CaseHistory history, LocalDate asOf) {
        Optional<ParoleGranted> latestGrant = history.last(ParoleGranted.class);
        if (latestGrant.isEmpty()) {
            return List.of();
        }
        ParoleGranted grant = latestGrant.get();
        if (grant.grantedOn().isBefore(GRANTS_FROM)) {
            return List.of(Finding.verdict(Pathway.PAROLE, Outcome.eligible("No parole fee: granted on "
                    + grant.grantedOn() + ", before " + GRANTS_FROM + ".")));
        }
        FeeExemption exemption = claimedExemption(history, grant);
        if (exemption != null && exemption.verified()) {
            return List.of(Finding.verdict(Pathway.PAROLE, Outcome.eligible("No parole fee: exemption " + exemption
                    + " was claimed.")));
        }
        if (exemption != null) {
            return List.of(Finding.verdict(Pathway.PAROLE, Outcome.needsReview("Exemption " + exemption
                    + " was claimed, but its exact wording in 8 U.S.C. 1804 is unverified: confirm it applies, "
                    + "or the parole fee of " + amountDescription(grant.grantedOn()) + " is due.")));
        }
        String fee = "Parole fee of " + amountDescription(grant.grantedOn()) + " is due at the grant on "
                + grant.grantedOn() + ", separate from the I-131 fee, with no waiver, unless an exemption is claimed.";
        return List.of(Finding.verdict(Pathway.PAROLE, Outcome.eligible(fee)), Finding.warning(fee));
    }

    /** The amount in force for a grant, and how sure Haven is of it. */
    static String amountDescription(LocalDate grantedOn) {
        int fiscalYear = fiscalYearOf(grantedOn);
        Optional<FiscalYearAmount> exact = AMOUNTS.stream().filter(amount -> amount.fiscalYear() == fiscalYear).findFirst();
        if (exact.isPresent()) {
            return dollars(exact.get().dollars()) + " (FY" + fiscalYear + ")";
        }
        FiscalYearAmount lastKnown = AMOUNTS.stream().filter(amount -> amount.fiscalYear() < fiscalYear)
                .max(Comparator.comparingInt(FiscalYearAmount::fiscalYear)).orElseThrow();
        return dollars(lastKnown.dollars()) + " (the FY" + lastKnown.fiscalYear() + " amount; the law indexes it to "
                + "CPI-U each fiscal year, rounded down to $10, and Haven has no published amount for FY" + fiscalYear
                + ": confirm the amount in force on the grant date)";
    }

    public static int fiscalYearOf(LocalDate date) {
        return date.getMonthValue() >= 10 ? date.getYear() + 1 : date.getYear();
    }

    private static @Nullable FeeExemption claimedExemption(CaseHistory history, ParoleGranted grant) {
        if (grant.feeExemption() != null) {
            return grant.feeExemption();
        }
        return history.before(grant).reversed().stream()
                .filter(ParoleRequested.class::isInstance).map(ParoleRequested.class::cast)
                .findFirst().map(ParoleRequested::feeExemption).orElse(null);
    }

    private static String dollars(int amount) {
        return String.format(Locale.US, "$%,d", amount);
    }
}
