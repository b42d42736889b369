package org.haven.eligibility.assessment;

import org.haven.eligibility.EligibilityProperties;
import org.haven.eligibility.catalogue.RuleSet;
import org.haven.eligibility.rules.tps.InvalidTpsDesignationsException;
import org.haven.eligibility.rules.tps.TpsDesignations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

import java.io.IOException;
import java.time.Clock;

/** The rule set, built once at start-up from the rules and the TPS designations file, and the assessor over it. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EligibilityProperties.class)
public class AssessmentConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AssessmentConfiguration.class);

    /** A file that cannot be read or fails validation stops the start-up, with every problem in the message. */
    @Bean
    TpsDesignations tpsDesignations(EligibilityProperties properties, ResourceLoader resources) {
        Resource file = resources.getResource(properties.tpsDesignations());
        TpsDesignations designations;
        try {
            designations = TpsDesignations.load(properties.tpsDesignations(), file.getInputStream());
        } catch (IOException e) {
            throw new InvalidTpsDesignationsException(properties.tpsDesignations(), "cannot be opened: " + e.getMessage(), e);
        }
        log.info("Loaded {} TPS designations (data version {}) from {}", designations.designations().size(),
                designations.dataVersion(), properties.tpsDesignations());
        if (designations.unverifiedCount() > 0) {
            log.warn("{} TPS designations in {} are NOT verified against their Federal Register notices: answers that "
                    + "depend on them are NEEDS_REVIEW", designations.unverifiedCount(), properties.tpsDesignations());
        }
        return designations;
    }

    @Bean
    RuleSet ruleSet(TpsDesignations tpsDesignations) {
        return RuleSet.standard(tpsDesignations);
    }

    @Bean
    Assessor assessor(RuleSet ruleSet) {
        return new Assessor(ruleSet);
    }

    /** "Today" for assessments, in the jurisdiction's zone. */
    @Bean
    Clock clock(EligibilityProperties properties) {
        return Clock.system(properties.zone());
    }
}
