package org.haven.eligibility;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.time.ZoneId;

/**
 * eligibility-service's settings, validated at start-up.
 *
 * @param zone                    where "today" is decided: legal dates are those of the case's jurisdiction
 * @param tpsDesignations         the TPS designations file (a Spring resource location)
 * @param eligibilityTopicReplicas replication factor of the eligibility-events topic this service creates
 * @param outboxPollInterval      how often the outbox relay looks for assessments to publish
 * @param dailyReassessmentCron   when every case is re-assessed as of the new day
 */
@Validated
@ConfigurationProperties("haven.eligibility")
public record EligibilityProperties(
        @NotNull ZoneId zone,
        @NotBlank String tpsDesignations,
        @Min(1) short eligibilityTopicReplicas,
        @NotNull Duration outboxPollInterval,
        @NotBlank String dailyReassessmentCron) {
}
