package org.haven.eligibility.catalogue;

import org.haven.eligibility.rules.CourtStay;
import org.haven.eligibility.rules.EffectivePeriod;
import org.haven.eligibility.rules.Rule;
import org.haven.eligibility.rules.asylum.AnnualAsylumFeeRule;
import org.haven.eligibility.rules.asylum.AsyleeAdjustmentRule;
import org.haven.eligibility.rules.asylum.AsylumAbandonmentRule;
import org.haven.eligibility.rules.asylum.AsylumOneYearRule;
import org.haven.eligibility.rules.ead.EadA12Rule;
import org.haven.eligibility.rules.ead.EadA3Rule;
import org.haven.eligibility.rules.ead.EadA5Rule;
import org.haven.eligibility.rules.ead.EadAutoExtensionRule;
import org.haven.eligibility.rules.ead.EadC11Rule;
import org.haven.eligibility.rules.ead.EadC19Rule;
import org.haven.eligibility.rules.ead.EadC8Rule;
import org.haven.eligibility.rules.ead.EadMaxValidityRule;
import org.haven.eligibility.rules.fees.Hr1FeesRule;
import org.haven.eligibility.rules.parole.ChnvTerminationRule;
import org.haven.eligibility.rules.parole.I134aPauseRule;
import org.haven.eligibility.rules.parole.ParoleBasisRule;
import org.haven.eligibility.rules.parole.ParoleEndRule;
import org.haven.eligibility.rules.parole.ParoleExpiringRule;
import org.haven.eligibility.rules.parole.ParoleFeeRule;
import org.haven.eligibility.rules.parole.ReparoleWindowRule;
import org.haven.eligibility.rules.presence.UnlawfulPresenceRule;
import org.haven.eligibility.rules.refugee.RcaRmaMonthsRule;
import org.haven.eligibility.rules.refugee.RefugeeAdjustmentRule;
import org.haven.eligibility.rules.rfe.RfeResponseRule;
import org.haven.eligibility.rules.tps.TpsDesignations;
import org.haven.eligibility.rules.tps.TpsWindowRule;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every rule of rules.md under one version. The version names the rules' code ({@link #RULES_VERSION}, raised with
 * every change of a rule) and the TPS data it was given, so that every answer says exactly what produced it.
 */
public final class RuleSet {

    /** Raise with every change to a rule or to the data written in this class. */
    public static final String RULES_VERSION = "2026.11.1";

    /** Court orders staying the enforcement of the annual asylum fee (rules.md ANNUAL-ASYLUM-FEE). */
    public static final List<CourtStay> ANNUAL_ASYLUM_FEE_STAYS = List.of(
            new CourtStay("ASAP v. USCIS, No. SAG-25-03299 (D. Md.)", EffectivePeriod.since(LocalDate.of(2025, 10, 30))));

    private final String version;
    private final List<Rule> rules;

    public RuleSet(String version, List<Rule> rules) {
        Set<String> ids = new HashSet<>();
        for (Rule rule : rules) {
            if (!ids.add(rule.id())) {
                throw new IllegalArgumentException("Two rules have the id " + rule.id());
            }
        }
        this.version = version;
        this.rules = List.copyOf(rules);
    }

    public static RuleSet standard(TpsDesignations tpsDesignations) {
        ChnvTerminationRule chnvTermination = new ChnvTerminationRule();
        ParoleEndRule paroleEnd = new ParoleEndRule(chnvTermination);
        return new RuleSet(RULES_VERSION + "+tps." + tpsDesignations.dataVersion(), List.of(
                new ParoleBasisRule(),
                paroleEnd,
                new ParoleExpiringRule(paroleEnd),
                new ReparoleWindowRule(paroleEnd),
                new ParoleFeeRule(),
                new I134aPauseRule(),
                chnvTermination,
                new EadC11Rule(paroleEnd),
                new EadC8Rule(),
                new EadA3Rule(),
                new EadA5Rule(),
                new EadA12Rule(),
                new EadC19Rule(tpsDesignations),
                new EadMaxValidityRule(paroleEnd, tpsDesignations),
                new EadAutoExtensionRule(),
                new Hr1FeesRule(),
                new AnnualAsylumFeeRule(ANNUAL_ASYLUM_FEE_STAYS),
                new AsylumOneYearRule(),
                new AsylumAbandonmentRule(),
                new AsyleeAdjustmentRule(),
                new RefugeeAdjustmentRule(),
                new RcaRmaMonthsRule(),
                new TpsWindowRule(tpsDesignations),
                new RfeResponseRule(),
                new UnlawfulPresenceRule(paroleEnd)));
    }

    public String version() {
        return version;
    }

    public List<Rule> rules() {
        return rules;
    }

    public List<Rule> inForceOn(LocalDate asOf) {
        return rules.stream().filter(rule -> rule.descriptor().inForce().contains(asOf)).toList();
    }
}
