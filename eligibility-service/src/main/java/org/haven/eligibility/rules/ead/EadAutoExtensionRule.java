package org.haven.eligibility.rules.ead;

import org.haven.eligibility.history.CaseHistory;
import org.haven.eligibility.rules.EffectivePeriod;
import org.haven.eligibility.rules.Finding;
import org.haven.eligibility.rules.Rule;
import org.haven.eligibility.rules.RuleDescriptor;
import org.haven.events.CaseEventPayload.EadApproved;
import org.haven.events.vocabulary.DeadlineType;
import org.haven.events.vocabulary.EadCategory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * EAD-AUTO-EXTENSION: a renewal filed on time keeps the card's authorization for up to 540 more days if it was
 * filed before 2025-10-30; renewals filed on or after 2025-10-30 get no automatic extension, except extensions
 * given by law or Federal Register notice (TPS). Renewals may be filed up to 180 days before expiry, which is
 * why the card's expiry reminds 180 days before and the renewal window opens then.
 */
public final class EadAutoExtensionRule implements Rule {

    public static final String ID = "EAD-AUTO-EXTENSION";
    public static final LocalDate NO_EXTENSION_FOR_RENEWALS_FROM = LocalDate.of(2025, 10, 30);
    /** Before this the extension was shorter (180 days under the 2017 rule); Haven does not model those lengths. */
    public static final LocalDate MODELLED_FROM = LocalDate.of(2022, 5, 4);
    public static final int EXTENSION_DAYS = 540;
    public static final int RENEWAL_OPENS_DAYS_BEFORE = 180;

    /** Categories 8 CFR 274a.13(d) extends among those Haven records; (c)(11) is not one of them. */
    private static final Set<EadCategory> EXTENDABLE = EnumSet.of(EadCategory.a3, EadCategory.a5, EadCategory.a12,
            EadCategory.c8, EadCategory.c19);
    private static final Set<EadCategory> TPS = EnumSet.of(EadCategory.a12, EadCategory.c19);

    private static final RuleDescriptor DESCRIPTOR = RuleDescriptor.verified(ID,
                    "Automatic extension of EADs while a timely renewal is pending",
                    "8 CFR 274a.13(d); interim final rule, FR Doc 2025-19702", EffectivePeriod.longStanding())
            .withNote("540 days for renewals filed before 2025-10-30, none from then (TPS extensions by notice are for "
                    + "review). Renewals filed before 2022-05-04 had other lengths: NEEDS_REVIEW.");

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> evaluate(CaseHistory history, LocalDate asOf) {
        List<EadApplication> applications = EadApplication.all(history);
        Optional<EadApplication> latestCard = applications.stream().filter(application -> application.approval() != null)
                .reduce((first, second) -> second);
        if (latestCard.isEmpty()) {
            return List.of();
        }
        EadApproved card = latestCard.get().approval();
        List<Finding> findings = new ArrayList<>();
        findings.add(Finding.deadline(DeadlineType.EAD_EXPIRY, card.validUntil(), List.of(RENEWAL_OPENS_DAYS_BEFORE)));
        Optional<EadApplication> renewal = applications.stream()
                .skip(applications.indexOf(latestCard.get()) + 1L)
                .filter(application -> application.filing().renewal() && application.pending())
                .findFirst();
        if (renewal.isEmpty()) {
            findings.add(Finding.deadline(DeadlineType.EAD_RENEWAL_WINDOW_OPENS,
                    card.validUntil().minusDays(RENEWAL_OPENS_DAYS_BEFORE), List.of()));
            return findings;
        }
        findings.add(Finding.warning(extension(renewal.get(), card)));
        return findings;
    }

    private static String extension(EadApplication renewal, EadApproved card) {
        LocalDate filedOn = renewal.filing().filedOn();
        EadCategory category = renewal.filing().category();
        String filed = "The (" + category + ") renewal filed on " + filedOn;
        if (filedOn.isAfter(card.validUntil())) {
            return filed + " was filed after the card expired on " + card.validUntil() + ": there is no automatic extension.";
        }
        if (!EXTENDABLE.contains(category)) {
            return filed + ": (" + category + ") is not a category with automatic extension; work authorization ends on "
                    + card.validUntil() + " unless the renewal is approved by then.";
        }
        if (!filedOn.isBefore(NO_EXTENSION_FOR_RENEWALS_FROM)) {
            return (TPS.contains(category) ? "NEEDS_REVIEW: " : "") + filed + " gets no automatic extension (renewals filed on or after "
                    + NO_EXTENSION_FOR_RENEWALS_FROM + "): work authorization ends on " + card.validUntil()
                    + " unless the renewal is approved by then" + (TPS.contains(category)
                    ? "; a TPS Federal Register notice may extend TPS-based cards: check it." : ".");
        }
        if (filedOn.isBefore(MODELLED_FROM)) {
            return "NEEDS_REVIEW: " + filed + " falls under an earlier version of 8 CFR 274a.13(d) with a different extension length.";
        }
        return filed + " extends the card automatically by up to " + EXTENSION_DAYS + " days, to "
                + card.validUntil().plusDays(EXTENSION_DAYS) + ", while the renewal is pending.";
    }
}
