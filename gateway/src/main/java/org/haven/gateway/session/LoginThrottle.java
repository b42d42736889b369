package org.haven.gateway.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing against one username: after {@code maxAttempts} failures within {@code window},
 * further attempts for that username are refused until the window that began with the first failure has
 * passed. Applies to unknown usernames too, so the answer says nothing about which usernames exist. In memory:
 * per gateway instance, forgotten on restart.
 */
public final class LoginThrottle {

    /** Beyond this many tracked usernames, expired entries are swept, so guessing many names cannot fill memory. */
    private static final int SWEEP_ABOVE = 10_000;

    private final int maxAttempts;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public LoginThrottle(int maxAttempts, Duration window, Clock clock) {
        this.maxAttempts = maxAttempts;
        this.window = window;
        this.clock = clock;
    }

    /** @return how long to wait when this username may not try now */
    public Optional<Duration> refusal(String username) {
        Failures recorded = failures.get(key(username));
        Instant now = clock.instant();
        if (recorded == null || recorded.count() < maxAttempts || !now.isBefore(recorded.until())) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, recorded.until()));
    }

    public void failed(String username) {
        Instant now = clock.instant();
        if (failures.size() > SWEEP_ABOVE) {
            failures.values().removeIf(entry -> !now.isBefore(entry.until()));
        }
        failures.compute(key(username), (name, recorded) -> recorded == null || !now.isBefore(recorded.until())
                ? new Failures(1, now.plus(window))
                : new Failures(recorded.count() + 1, recorded.until()));
    }

    public void succeeded(String username) {
        failures.remove(key(username));
    }

    private static String key(String username) {
        return username.toLowerCase(Locale.ROOT);
    }

    private record Failures(int count, Instant until) {
    }
}
