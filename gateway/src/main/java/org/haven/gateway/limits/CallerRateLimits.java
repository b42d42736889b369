package org.haven.gateway.limits;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per caller, in memory (per gateway instance: with n instances behind a load balancer a
 * caller gets up to n times the rate). Buckets that have filled up again are forgotten, so the map holds
 * only callers active in the last few seconds.
 */
public final class CallerRateLimits {

    private static final int SWEEP_ABOVE = 10_000;

    private final RequestLimitProperties.Rate rate;
    private final LongSupplier nanoClock;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public CallerRateLimits(RequestLimitProperties.Rate rate, LongSupplier nanoClock) {
        this.rate = rate;
        this.nanoClock = nanoClock;
    }

    /** @return zero when the caller may go ahead, otherwise how long until it may */
    public Duration take(String caller) {
        long now = nanoClock.getAsLong();
        if (buckets.size() > SWEEP_ABOVE) {
            buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
        return buckets.computeIfAbsent(caller, key -> new TokenBucket(rate.requestsPerSecond(), rate.burst(), now)).tryTake(now);
    }
}
