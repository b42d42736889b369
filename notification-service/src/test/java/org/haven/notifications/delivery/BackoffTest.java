package org.haven.notifications.delivery;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(10), Duration.ofHours(1));

    @Test
    void thePauseDoublesPerAttemptUpToTheMaximum() {
        assertThat(backoff.ceilingMillis(1)).isEqualTo(10_000);
        assertThat(backoff.ceilingMillis(2)).isEqualTo(20_000);
        assertThat(backoff.ceilingMillis(5)).isEqualTo(160_000);
        assertThat(backoff.ceilingMillis(9)).isEqualTo(2_560_000);
        assertThat(backoff.ceilingMillis(10)).isEqualTo(3_600_000);
        assertThat(backoff.ceilingMillis(500)).isEqualTo(3_600_000);
    }

    @RepeatedTest(20)
    void halfOfThePauseIsJitter() {
        assertThat(backoff.after(3, null)).isBetween(Duration.ofSeconds(20), Duration.ofSeconds(40));
    }

    @Test
    void aReceiversRetryAfterIsHonouredUpToTheMaximum() {
        assertThat(backoff.after(1, Duration.ofMinutes(5))).isEqualTo(Duration.ofMinutes(5));
        assertThat(backoff.after(1, Duration.ofDays(2))).isEqualTo(Duration.ofHours(1));
    }
}
