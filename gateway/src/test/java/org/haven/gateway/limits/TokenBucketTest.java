package org.haven.gateway.limits;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aFullBucketLetsTheWholeBurstThroughAtOnce() {
        TokenBucket bucket = new TokenBucket(50, 100, 0);

        for (int i = 0; i < 100; i++) {
            assertThat(bucket.tryTake(0)).isZero();
        }
        assertThat(bucket.tryTake(0)).isPositive();
    }

    @Test
    void anEmptyBucketSaysHowLongUntilTheNextToken() {
        TokenBucket bucket = new TokenBucket(50, 1, 0);
        bucket.tryTake(0);

        assertThat(bucket.tryTake(0)).isEqualTo(Duration.ofMillis(20));
        assertThat(bucket.tryTake(SECOND / 100)).isEqualTo(Duration.ofMillis(10));
    }

    @Test
    void refusedAttemptsTakeNothing() {
        TokenBucket bucket = new TokenBucket(1, 1, 0);
        bucket.tryTake(0);
        for (int i = 0; i < 10; i++) {
            bucket.tryTake(SECOND / 2);
        }

        assertThat(bucket.tryTake(SECOND)).isZero();
    }

    @Test
    void refillingStopsAtTheBurst() {
        TokenBucket bucket = new TokenBucket(50, 100, 0);
        bucket.tryTake(0);

        assertThat(bucket.isFull(3600 * SECOND)).isTrue();
        for (int i = 0; i < 100; i++) {
            assertThat(bucket.tryTake(3600 * SECOND)).isZero();
        }
        assertThat(bucket.tryTake(3600 * SECOND)).isPositive();
    }

    @ParameterizedTest(name = "a wait of {0} ms is Retry-After {1}")
    @CsvSource({"1, 1", "999, 1", "1000, 1", "1001, 2", "20000, 20"})
    void retryAfterIsWholeSecondsRoundedUpAndAtLeastOne(long millis, long seconds) {
        assertThat(RateLimitFilter.retryAfterSeconds(Duration.ofMillis(millis))).isEqualTo(seconds);
    }
}
