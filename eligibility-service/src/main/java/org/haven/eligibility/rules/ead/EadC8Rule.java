package org.haven.eligibility.rules.ead;

import org.haven.eligibility.history.CaseHistory;
import org.haven.eligibility.rules.EffectivePeriod;
import org.haven.eligibility.rules.Finding;
import org.haven.eligibility.rules.Outcome;
import org.haven.eligibility.rules.Rule;
import org.haven.eligibility.rules.RuleDescriptor;
import org.haven.eligibility.rules.asylum.AsylumApplication;
import org.haven.events.CaseEventPayload.EadFiled;
import org.haven.events.vocabulary.DeadlineType;
import org.haven.events.vocabulary.EadCategory;
import org.haven.events.vocabulary.Pathway;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * EAD-C8-150: an asylum applicant may file the (c)(8) I-765 when the asylum EAD clock reaches the filing day and
 * may be granted it at the grant day (8 CFR 208.7). The waiting period is effective-dated: the version in force
 * on the as-of date gives the dates; a filing is judged by the version in force on its own filing date. A filing
 * made too early is recorded all the same and flagged with a warning that names the earliest date.
 */
public final class EadC8Rule implements Rule {

    public static final String ID = "EAD-C8-150";

    /** One version of the waiting period. {@code review} is set where no confident answer is possible under it. */
    public record WaitingPeriod(EffectivePeriod inForce, int filingDay, int grantDay, String citation,
                                @Nullable String review) {
    }

    public static final List<WaitingPeriod> VERSIONS = List.of(
            new WaitingPeriod(EffectivePeriod.between(EffectivePeriod.EARLIEST_AS_OF, LocalDate.of(2020, 8, 24)), 150, 180,
                    "8 CFR 208.7 (1995 text); INA 208(d)(2)", null),
            new WaitingPeriod(EffectivePeriod.between(LocalDate.of(2020, 8, 25), LocalDate.of(2022, 2, 6)), 365, 365,
                    "85 FR 38532 (\"Broader Asylum EAD\" rule)",
                    "Under 85 FR 38532 the wait was 365 days, late filers and most entries without inspection were "
                            + "barred, and members of CASA and ASAP were shielded by injunction: membership and bars need review."),
            new WaitingPeriod(EffectivePeriod.since(LocalDate.of(2022, 2, 7)), 150, 180,
                    "8 CFR 208.7; AsylumWorks v. Mayorkas (D.D.C. 2022-02-07); 87 FR 57795", null));

    private static final RuleDescriptor DESCRIPTOR = RuleDescriptor.verified(ID,
            "Asylum applicants may file the (c)(8) EAD at day 150 of the clock and be granted it at day 180",
            "8 CFR 208.7; 8 CFR 274a.12(c)(8); INA 208(d)(2)", EffectivePeriod.longStanding());

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    public static WaitingPeriod versionOn(LocalDate date) {
        return VERSIONS.stream().filter(version -> version.inForce().contains(date)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No (c)(8) waiting period is known for " + date));
    }

    @Override
    public List<Finding> evaluate(CaseHistory history, LocalDate asOf) {
        Optional<AsylumApplication> pending = AsylumApplication.latest(history).filter(app -> !app.decided());
        if (pending.isEmpty()) {
            return List.of();
        }
        AsylumApplication application = pending.get();
        WaitingPeriod version = versionOn(asOf);
        List<Finding> findings = new ArrayList<>();
        List<EadFiled> c8Filings = history.after(application.filing()).stream()
                .filter(EadFiled.class::isInstance).map(EadFiled.class::cast)
                .filter(filing -> filing.category() == EadCategory.c8)
                .toList();
        for (EadFiled filing : c8Filings) {
            premature(application, filing).ifPresent(findings::add);
        }
        Optional<LocalDate> filingFrom = application.clockReachesDay(version.filingDay());
        Optional<LocalDate> grantFrom = application.clockReachesDay(version.grantDay());
        if (filingFrom.isPresent() && c8Filings.isEmpty()) {
            findings.add(Finding.deadline(DeadlineType.EAD_C8_EARLIEST_FILING, filingFrom.get(), List.of()).citing(version.citation()));
        }
        if (grantFrom.isPresent() && !c8Approved(history, application)) {
            findings.add(Finding.deadline(DeadlineType.EAD_C8_EARLIEST_GRANT, grantFrom.get(), List.of()).citing(version.citation()));
        }
        findings.add(Finding.verdict(Pathway.EAD, outcome(application, version, filingFrom, asOf)).citing(version.citation()));
        return findings;
    }

    private static Outcome outcome(AsylumApplication application, WaitingPeriod version, Optional<LocalDate> filingFrom,
                                   LocalDate asOf) {
        if (filingFrom.isEmpty()) {
            return Outcome.notEligible("The asylum EAD clock has been stopped since " + application.stoppedSince().orElseThrow()
                    + " before reaching day " + version.filingDay() + "; the (c)(8) dates follow when it resumes.");
        }
        String dates = "(c)(8) filing from " + filingFrom.get() + " (day " + version.filingDay() + " of the asylum EAD clock)";
        if (version.review() != null) {
            return Outcome.needsReview(version.review() + " " + dates + ".");
        }
        return asOf.isBefore(filingFrom.get())
                ? Outcome.notEligible("Not yet: " + dates + ".")
                : Outcome.eligible("May file for a (c)(8) EAD: " + dates + ".");
    }

    /** A filing is judged by the waiting period in force on its own filing date. */
    private static Optional<Finding> premature(AsylumApplication application, EadFiled filing) {
        if (filing.renewal() || filing.filedOn().isBefore(EffectivePeriod.EARLIEST_AS_OF)) {
            return Optional.empty();
        }
        WaitingPeriod then = versionOn(filing.filedOn());
        Optional<LocalDate> earliest = application.clockReachesDay(then.filingDay());
        if (earliest.isPresent() && !filing.filedOn().isBefore(earliest.get())) {
            return Optional.empty();
        }
        return Optional.of(Finding.warning("The (c)(8) I-765 filed on " + filing.filedOn() + " is premature: the asylum "
                + "EAD clock reaches day " + then.filingDay() + (earliest.map(date -> " on " + date)
                .orElse(" only after it resumes")) + ". USCIS denies a premature filing."));
    }

    private static boolean c8Approved(CaseHistory history, AsylumApplication application) {
        return EadApplication.all(history).stream().anyMatch(ead -> ead.filing().category() == EadCategory.c8
                && ead.approval() != null && !ead.filing().filedOn().isBefore(application.filedOn()));
    }
}
