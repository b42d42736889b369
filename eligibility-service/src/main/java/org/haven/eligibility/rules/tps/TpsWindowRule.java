package org.haven.eligibility.rules.tps;

import org.haven.eligibility.calendar.FilingDeadlines;
import org.haven.eligibility.history.CaseHistory;
import org.haven.eligibility.rules.EffectivePeriod;
import org.haven.eligibility.rules.Finding;
import org.haven.eligibility.rules.Outcome;
import org.haven.eligibility.rules.Rule;
import org.haven.eligibility.rules.RuleDescriptor;
import org.haven.events.CaseEventPayload.TpsApplied;
import org.haven.events.CaseEventPayload.TpsGranted;
import org.haven.events.vocabulary.DeadlineType;
import org.haven.events.vocabulary.Pathway;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * TPS-WINDOW: an initial TPS application is filed within the registration window of the country's Federal
 * Register notice (8 CFR 244.7). The window's last day is a filing deadline and rolls forward over weekends and
 * holidays. Answers that rest on a designation not verified against its notice are NEEDS_REVIEW.
 */
public final class TpsWindowRule implements Rule {

    public static final String ID = "TPS-WINDOW";

    private static final RuleDescriptor DESCRIPTOR = RuleDescriptor.verified(ID,
                    "File for TPS within the country's registration window", "INA 244; 8 CFR 244.2, 244.7",
                    EffectivePeriod.longStanding())
            .withNote("Designations are data (tps-designations.yml). Continuous residence and physical presence dates "
                    + "of each notice, and late initial registration (8 CFR 244.2(f)(2)), are for review.");

    private final TpsDesignations designations;

    public TpsWindowRule(TpsDesignations designations) {
        this.designations = designations;
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> evaluate(CaseHistory history, LocalDate asOf) {
        Optional<TpsGranted> granted = history.last(TpsGranted.class);
        if (granted.isPresent()) {
            return List.of(Finding.verdict(Pathway.TPS, asOf.isAfter(granted.get().validUntil())
                    ? Outcome.notEligible("TPS granted on " + granted.get().date() + " ended on " + granted.get().validUntil() + ".")
                    : Outcome.eligible("TPS granted on " + granted.get().date() + ", valid until " + granted.get().validUntil() + ".")));
        }
        Optional<TpsApplied> applied = history.last(TpsApplied.class);
        if (applied.isPresent()) {
            return List.of(Finding.verdict(Pathway.TPS, filedInWindow(applied.get())));
        }
        String country = history.person().countryOfNationality();
        if (country == null) {
            return List.of();
        }
        List<TpsDesignation> ofCountry = designations.of(country);
        Optional<TpsDesignation> open = ofCountry.stream()
                .filter(designation -> designation.registrationWindow().contains(asOf)).findFirst();
        Optional<TpsDesignation> upcoming = ofCountry.stream()
                .filter(designation -> designation.registrationStart().isAfter(asOf))
                .min(Comparator.comparing(TpsDesignation::registrationStart));
        Optional<TpsDesignation> relevant = open.or(() -> upcoming);
        if (relevant.isPresent()) {
            TpsDesignation designation = relevant.get();
            LocalDate lastDay = FilingDeadlines.rollForwardToBusinessDay(designation.registrationEnd());
            Outcome outcome = open.isPresent()
                    ? Outcome.eligible("The TPS registration window for " + country + " is open: file the I-821 by "
                    + lastDay + " (" + designation.citation() + ").")
                    : Outcome.notEligible("The next TPS registration window for " + country + " opens on "
                    + designation.registrationStart() + " and closes on " + lastDay + " (" + designation.citation() + ").");
            List<Finding> findings = new ArrayList<>();
            findings.add(Finding.deadline(DeadlineType.TPS_REGISTRATION_ENDS, lastDay, List.of()));
            findings.add(Finding.verdict(Pathway.TPS, unlessUnverified(designation, outcome)));
            return findings;
        }
        return ofCountry.stream().max(Comparator.comparing(TpsDesignation::registrationEnd))
                .<List<Finding>>map(last -> List.of(Finding.verdict(Pathway.TPS, unlessUnverified(last, Outcome.notEligible(
                        "The last TPS registration window for " + country + " in Haven's designation data (version "
                                + designations.dataVersion() + ") closed on " + last.registrationEnd() + " (" + last.citation()
                                + "); late initial registration (8 CFR 244.2(f)(2)) is for review.")))))
                .orElse(List.of());
    }

    private Outcome filedInWindow(TpsApplied applied) {
        return designations.windowContaining(applied.country(), applied.filedOn())
                .map(designation -> unlessUnverified(designation, Outcome.eligible("The I-821 filed on " + applied.filedOn()
                        + " is within the registration window of " + designation.citation() + ".")))
                .orElse(Outcome.needsReview("The I-821 filed on " + applied.filedOn() + " for " + applied.country()
                        + " is outside every registration window in Haven's designation data (version "
                        + designations.dataVersion() + "): late initial registration (8 CFR 244.2(f)(2)) or missing data."));
    }

    private static Outcome unlessUnverified(TpsDesignation designation, Outcome outcome) {
        return designation.verified() ? outcome : Outcome.needsReview(outcome.message()
                + " The designation data is not verified against its Federal Register notice: " + designation.note());
    }
}
