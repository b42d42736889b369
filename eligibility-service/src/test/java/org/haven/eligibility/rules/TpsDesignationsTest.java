package org.haven.eligibility.rules;

import org.haven.eligibility.assessment.AssessmentConfiguration;
import org.haven.eligibility.history.CaseHistory;
import org.haven.eligibility.history.Person;
import org.haven.eligibility.rules.tps.InvalidTpsDesignationsException;
import org.haven.eligibility.rules.tps.TpsDesignations;
import org.haven.eligibility.rules.tps.TpsWindowRule;
import org.haven.events.vocabulary.DeadlineType;
import org.haven.events.vocabulary.EligibilityResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TpsDesignationsTest {

    private static TpsDesignations load(String name) {
        InputStream file = TpsDesignationsTest.class.getResourceAsStream("/tps/" + name);
        return TpsDesignations.load(name, file);
    }

    @Test
    void theProductionFileLoadsAndEveryEntryIsEitherCitedOrSaysWhatIsUnverified() {
        TpsDesignations production = org.haven.eligibility.Histories.productionTpsDesignations();

        assertThat(production.designations()).isNotEmpty().allSatisfy(designation ->
                assertThat(designation.verified() ? designation.citation() : designation.note()).isNotBlank());
    }

    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource(delimiter = '|', value = {
            "reversed-window.yml         | designations[0].registrationEnd 2024-01-01 is before registrationStart 2024-06-30",
            "reversed-window.yml         | designations[1].country must be an ISO 3166-1 alpha-2 code",
            "reversed-window.yml         | designations[1].citation of a verified entry must name its Federal Register notice",
            "impossible-date.yml         | 2024-02-30",
            "unverified-without-note.yml | designations[0].note must say what is unverified",
    })
    void aBadFileIsRefusedWithEveryProblemNamed(String file, String problem) {
        assertThatThrownBy(() -> load(file)).isInstanceOf(InvalidTpsDesignationsException.class)
                .hasMessageContaining("TPS designations file " + file + " is invalid").hasMessageContaining(problem);
    }

    @Test
    void aBadFileFailsTheStartUpWithItsProblems() {
        new ApplicationContextRunner()
                .withUserConfiguration(AssessmentConfiguration.class)
                .withPropertyValues("haven.eligibility.zone=America/New_York",
                        "haven.eligibility.tps-designations=classpath:tps/reversed-window.yml",
                        "haven.eligibility.eligibility-topic-replicas=1", "haven.eligibility.outbox-poll-interval=1s",
                        "haven.eligibility.daily-reassessment-cron=0 0 0 * * *")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().isInstanceOf(InvalidTpsDesignationsException.class)
                        .hasMessageContaining("registrationEnd 2024-01-01 is before registrationStart 2024-06-30"));
    }

    @Test
    void aGoodFileStartsTheRuleSet() {
        new ApplicationContextRunner()
                .withUserConfiguration(AssessmentConfiguration.class)
                .withPropertyValues("haven.eligibility.zone=America/New_York",
                        "haven.eligibility.tps-designations=classpath:tps/valid.yml",
                        "haven.eligibility.eligibility-topic-replicas=1", "haven.eligibility.outbox-poll-interval=1s",
                        "haven.eligibility.daily-reassessment-cron=0 0 0 * * *")
                .run(context -> assertThat(context).hasNotFailed()
                        .getBean(org.haven.eligibility.catalogue.RuleSet.class)
                        .extracting(org.haven.eligibility.catalogue.RuleSet::version).asString().endsWith("+tps.test-1"));
    }

    @ParameterizedTest(name = "{0} as of {1}: {2}, registration ends {3}")
    @CsvSource(nullValues = "none", value = {
            "XA, 2024-03-01, ELIGIBLE,     2024-07-01",   // 2024-06-30 is a Sunday
            "XA, 2023-12-01, NOT_ELIGIBLE, 2024-07-01",   // the window has not opened
            "XA, 2024-08-01, NOT_ELIGIBLE, none",         // closed
            "XB, 2024-03-01, NEEDS_REVIEW, 2024-07-01",   // open, but the data is unverified
    })
    void tpsWindowAnswersFromTheData(String country, String asOf, EligibilityResult result, String registrationEnds) {
        TpsWindowRule rule = new TpsWindowRule(load("valid.yml"));
        var findings = rule.evaluate(new CaseHistory(new Person(LocalDate.of(1990, 1, 1), country, false, null), List.of()),
                LocalDate.parse(asOf));

        assertThat(findings).filteredOn(Finding.Verdict.class::isInstance).singleElement()
                .satisfies(verdict -> assertThat(((Finding.Verdict) verdict).outcome().result()).isEqualTo(result));
        assertThat(findings).filteredOn(Finding.Deadline.class::isInstance)
                .extracting(deadline -> ((Finding.Deadline) deadline).dueOn())
                .containsExactlyElementsOf(registrationEnds == null ? List.of() : List.of(LocalDate.parse(registrationEnds)));
        assertThat(findings).filteredOn(Finding.Deadline.class::isInstance)
                .allSatisfy(deadline -> assertThat(((Finding.Deadline) deadline).type()).isEqualTo(DeadlineType.TPS_REGISTRATION_ENDS));
    }

}
