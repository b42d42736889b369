package org.haven.gateway.limits;

import java.time.Duration;

/**
 * A token bucket: holds up to {@code burst} tokens, refills at {@code perSecond}, and each request takes one.
 * Time comes from the caller (nanoseconds of a monotonic clock), so tests need not sleep.
 */
public final class TokenBucket {

    private final double capacity;
    private final double perNano;
    private double tokens;
    private long refilledAt;

    public TokenBucket(double perSecond, int burst, long nowNanos) {
        this.capacity = burst;
        this.perNano = perSecond / 1_000_000_000d;
        this.tokens = burst;
        this.refilledAt = nowNanos;
    }

    /** @return zero when a token was taken, otherwise how long until one will be there (nothing is taken) */
    public synchronized Duration tryTake(long nowNanos) {
        refill(nowNanos);
        if (tokens >= 1) {
            tokens -= 1;
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) Math.ceil((1 - tokens) / perNano));
    }

    /** Whether the bucket is full again, i.e. forgetting it changes nothing. */
    public synchronized boolean isFull(long nowNanos) {
        refill(nowNanos);
        return tokens >= capacity;
    }

    private void refill(long nowNanos) {
        long elapsed = nowNanos - refilledAt;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * perNano);
            refilledAt = nowNanos;
        }
    }
}
