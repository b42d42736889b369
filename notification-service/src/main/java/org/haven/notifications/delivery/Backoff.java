package org.haven.notifications.delivery;

import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with "equal jitter": the pause doubles per attempt up to the maximum, and half of it is
 * random, so that receivers that failed together are not retried together. A receiver's {@code Retry-After}
 * is honoured up to the maximum.
 */
final class Backoff {

    private final Duration initial;
    private final Duration max;

    Backoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
    }

    /** The pause after attempt {@code attempt} (1-based) failed. */
    Duration after(int attempt, @Nullable Duration retryAfter) {
        long ceiling = ceilingMillis(attempt);
        long half = ceiling / 2;
        long pause = half + ThreadLocalRandom.current().nextLong(ceiling - half + 1);
        if (retryAfter != null && !retryAfter.isNegative()) {
            pause = Math.max(pause, Math.min(retryAfter.toMillis(), max.toMillis()));
        }
        return Duration.ofMillis(pause);
    }

    long ceilingMillis(int attempt) {
        int doublings = Math.min(Math.max(attempt - 1, 0), 30);
        long ceiling = initial.toMillis() << doublings;
        return ceiling <= 0 || ceiling > max.toMillis() ? max.toMillis() : ceiling;
    }
}
