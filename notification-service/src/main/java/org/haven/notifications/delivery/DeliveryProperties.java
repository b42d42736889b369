package org.haven.notifications.delivery;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * How the delivery log is worked off ({@code haven.notifications.delivery.*}).
 *
 * @param pollInterval   how often a sender looks for due rows when nothing woke it (retries, other instances' rows)
 * @param batchSize      rows claimed per query
 * @param concurrency    sends in flight at once, per instance
 * @param lease          how long a claim holds a row; must outlast the slowest send (webhook connect + read
 *                       timeouts, SMTP timeouts), since a row whose lease ran out is claimed and sent again
 * @param initialBackoff the pause after the first failed attempt; doubled per attempt, with jitter
 * @param maxBackoff     the longest pause between attempts
 * @param giveUpAfter    how long after the delivery was written retries stop and it fails for good
 */
@Validated
@ConfigurationProperties("haven.notifications.delivery")
public record DeliveryProperties(
        @NotNull Duration pollInterval,
        @Min(1) @Max(1000) int batchSize,
        @Min(1) @Max(1000) int concurrency,
        @NotNull Duration lease,
        @NotNull Duration initialBackoff,
        @NotNull Duration maxBackoff,
        @NotNull Duration giveUpAfter) {

    @AssertTrue(message = "initial-backoff must be positive and no longer than max-backoff")
    boolean isBackoffOrdered() {
        return initialBackoff == null || maxBackoff == null
                || (initialBackoff.isPositive() && initialBackoff.compareTo(maxBackoff) <= 0);
    }

    @AssertTrue(message = "lease, poll-interval and give-up-after must be positive")
    boolean isPositive() {
        return lease == null || pollInterval == null || giveUpAfter == null
                || (lease.isPositive() && pollInterval.isPositive() && giveUpAfter.isPositive());
    }
}
