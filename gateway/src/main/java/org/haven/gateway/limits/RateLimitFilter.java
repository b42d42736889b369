package org.haven.gateway.limits;

import org.haven.gateway.auth.Caller;
import org.haven.gateway.auth.CallerAuthentication;
import org.haven.gateway.problem.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * Answers 429 problem+json with {@code Retry-After} (whole seconds, at least 1) when an authenticated caller
 * exceeds its rate. Runs inside the security chain after authentication, so the key is the caller the gateway
 * established (organization and subject), never something the client merely claims. Unauthenticated requests
 * are not counted here: they are refused with 401 before costing anything.
 */
public final class RateLimitFilter implements WebFilter {

    private final CallerRateLimits limits;
    private final ProblemResponses problems;

    public RateLimitFilter(CallerRateLimits limits, ProblemResponses problems) {
        this.limits = limits;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return CallerAuthentication.current()
                .map(caller -> limits.take(key(caller)))
                .defaultIfEmpty(Duration.ZERO)
                .flatMap(wait -> wait.isZero() ? chain.filter(exchange) : tooManyRequests(exchange, wait));
    }

    private Mono<Void> tooManyRequests(ServerWebExchange exchange, Duration wait) {
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds(wait)));
        return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "Too many requests; try again after the Retry-After delay.");
    }

    static long retryAfterSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    private static String key(Caller caller) {
        return caller.organizationId() + "/" + caller.subject();
    }
}
