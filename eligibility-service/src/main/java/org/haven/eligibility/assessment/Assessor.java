package org.haven.eligibility.assessment;

import org.haven.eligibility.catalogue.RuleSet;
import org.haven.eligibility.history.CaseHistory;
import org.haven.eligibility.rules.Finding;
import org.haven.eligibility.rules.Rule;
import org.haven.events.Assessment;
import org.haven.events.vocabulary.EligibilityResult;
import org.haven.events.vocabulary.Pathway;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates the rules in force on the as-of date against a history. Each finding is stamped with the id and
 * citation of the rule that made it; the pathway results combine the verdicts of all rules for that pathway.
 * Plain Java and stateless: screenings, case assessments, tests and benchmarks share it.
 */
public final class Assessor {

    private final RuleSet ruleSet;

    public Assessor(RuleSet ruleSet) {
        this.ruleSet = ruleSet;
    }

    public RuleSet ruleSet() {
        return ruleSet;
    }

    public Assessment assess(CaseHistory history, LocalDate asOf) {
        Map<Pathway, List<Assessment.Reason>> reasons = new EnumMap<>(Pathway.class);
        Map<Pathway, List<EligibilityResult>> results = new EnumMap<>(Pathway.class);
        List<Assessment.Deadline> deadlines = new ArrayList<>();
        List<Assessment.Warning> warnings = new ArrayList<>();
        for (Rule rule : ruleSet.inForceOn(asOf)) {
            String ruleCitation = rule.descriptor().citation();
            for (Finding finding : rule.evaluate(history, asOf)) {
                switch (finding) {
                    case Finding.Verdict verdict -> {
                        reasons.computeIfAbsent(verdict.pathway(), pathway -> new ArrayList<>()).add(new Assessment.Reason(
                                rule.id(), citationOr(verdict.citation(), ruleCitation), verdict.outcome().message()));
                        results.computeIfAbsent(verdict.pathway(), pathway -> new ArrayList<>()).add(verdict.outcome().result());
                    }
                    case Finding.Deadline deadline -> deadlines.add(new Assessment.Deadline(deadline.type(), deadline.dueOn(),
                            rule.id(), citationOr(deadline.citation(), ruleCitation), deadline.remindDaysBefore()));
                    case Finding.Warning warning -> warnings.add(new Assessment.Warning(rule.id(), warning.message()));
                }
            }
        }
        List<Assessment.PathwayResult> pathways = new ArrayList<>();
        reasons.forEach((pathway, pathwayReasons) -> pathways.add(new Assessment.PathwayResult(pathway,
                PathwayResults.combine(pathway, results.get(pathway)), List.copyOf(pathwayReasons))));
        deadlines.sort(Comparator.comparing(Assessment.Deadline::dueOn).thenComparing(Assessment.Deadline::type));
        return new Assessment(asOf, ruleSet.version(), List.copyOf(pathways), List.copyOf(deadlines), List.copyOf(warnings));
    }

    private static String citationOr(@Nullable String versionCitation, String ruleCitation) {
        return versionCitation != null ? versionCitation : ruleCitation;
    }
}
