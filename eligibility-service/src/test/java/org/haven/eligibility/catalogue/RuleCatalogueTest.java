package org.haven.eligibility.catalogue;

import org.haven.eligibility.Histories;
import org.haven.eligibility.rules.Rule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RuleCatalogueTest {

    private final RuleSet ruleSet = Histories.ASSESSOR.ruleSet();

    @Test
    void theRuleSetHasEveryRuleOfRulesMdUnderItsId() {
        // rules.md lists "EAD-A3 / EAD-A5" and "EAD-A12 / EAD-C19" together; each is its own rule with its own citation
        assertThat(ruleSet.rules()).extracting(Rule::id).containsExactlyInAnyOrder(
                "PAROLE-BASIS", "PAROLE-END", "PAROLE-EXPIRING", "REPAROLE-WINDOW", "PAROLE-FEE", "I134A-PAUSE",
                "CHNV-TERMINATED", "EAD-C11", "EAD-C8-150", "EAD-A3", "EAD-A5", "EAD-A12", "EAD-C19", "EAD-MAX-VALIDITY",
                "EAD-AUTO-EXTENSION", "FEES-HR1", "ANNUAL-ASYLUM-FEE", "ASYLUM-ONE-YEAR", "ASYLUM-ABANDONMENT",
                "ASYLEE-ADJUSTMENT", "REFUGEE-ADJUSTMENT", "RCA-RMA-MONTHS", "TPS-WINDOW", "RFE-RESPONSE", "UNLAWFUL-PRESENCE");
    }

    @Test
    void everyRuleHasATitleACitationAndAPeriodAndTheUnverifiedOnesSayWhy() {
        assertThat(ruleSet.rules()).allSatisfy(rule -> {
            assertThat(rule.descriptor().title()).isNotBlank();
            assertThat(rule.descriptor().citation()).isNotBlank();
            assertThat(rule.descriptor().inForce().from()).isNotNull();
            if (!rule.descriptor().verified()) {
                assertThat(rule.descriptor().note()).as(rule.id()).isNotBlank();
            }
        });
    }

    @Test
    void rulesThatStartLaterAreNotInForceBeforeTheirDate() {
        assertThat(ruleSet.inForceOn(java.time.LocalDate.of(2025, 10, 15))).extracting(Rule::id).doesNotContain("PAROLE-FEE");
        assertThat(ruleSet.inForceOn(java.time.LocalDate.of(2025, 10, 16))).extracting(Rule::id).contains("PAROLE-FEE");
        assertThat(ruleSet.inForceOn(java.time.LocalDate.of(1997, 3, 31))).extracting(Rule::id)
                .doesNotContain("ASYLUM-ONE-YEAR", "UNLAWFUL-PRESENCE");
    }
}
