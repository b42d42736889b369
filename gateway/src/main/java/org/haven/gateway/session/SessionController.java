package org.haven.gateway.session;

import org.haven.gateway.auth.Caller;
import org.haven.gateway.auth.CallerAuthentication;
import org.haven.gateway.auth.Role;
import org.haven.gateway.limits.RequestLimitProperties;
import org.haven.gateway.limits.TokenBucket;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.List;

/** Sign-in, sign-out and "who am I" for the caseworker UI; the session lives in the {@code HAVEN_SESSION} cookie. */
@RestController
@RequestMapping("/auth")
class SessionController {

    private static final String BAD_CREDENTIALS = "The username or password is not correct.";
    private static final int LONGEST_INPUT = 256;

    private final LocalUsers users;
    private final LoginThrottle throttle;
    private final TokenBucket allLogins;

    SessionController(LocalUsers users, LoginThrottle throttle, RequestLimitProperties limits) {
        this.users = users;
        this.throttle = throttle;
        this.allLogins = new TokenBucket(limits.logins().requestsPerSecond(), limits.logins().burst(), System.nanoTime());
    }

    record LoginRequest(@Nullable String username, @Nullable String password) {
    }

    /** What the UI shows about the signed-in caller; {@code username} is the key's name for an API key. */
    record SignedIn(String username, String organization, List<Role> roles) {
        static SignedIn of(Caller caller) {
            return new SignedIn(caller.name(), caller.organizationId(), caller.roles().stream().sorted().toList());
        }
    }

    @PostMapping(path = "/login", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<?>> login(@RequestBody LoginRequest login, ServerWebExchange exchange) {
        String username = login.username();
        String password = login.password();
        if (username == null || password == null || username.length() > LONGEST_INPUT || password.length() > LONGEST_INPUT) {
            return Mono.just(problem(HttpStatus.UNAUTHORIZED, BAD_CREDENTIALS));
        }
        var refusal = throttle.refusal(username);
        if (refusal.isPresent()) {
            return Mono.just(tooManyAttempts(refusal.get(), "Too many failed sign-ins for this username; try again later."));
        }
        Duration busy = allLogins.tryTake(System.nanoTime());
        if (!busy.isZero()) {
            return Mono.just(tooManyAttempts(busy, "Too many sign-ins at the moment; try again shortly."));
        }
        return Mono.fromCallable(() -> users.authenticate(username, password))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(caller -> {
                    if (caller.isEmpty()) {
                        throttle.failed(username);
                        return Mono.just(problem(HttpStatus.UNAUTHORIZED, BAD_CREDENTIALS));
                    }
                    throttle.succeeded(username);
                    return exchange.getSession()
                            .flatMap(session -> SessionCallerRepository.signIn(session, caller.get()))
                            .thenReturn(ResponseEntity.ok(SignedIn.of(caller.get())));
                });
    }

    @PostMapping("/logout")
    Mono<ResponseEntity<Void>> logout(ServerWebExchange exchange) {
        return exchange.getSession().flatMap(WebSession::invalidate).thenReturn(ResponseEntity.noContent().build());
    }

    @GetMapping("/me")
    Mono<SignedIn> me() {
        // The security chain answers 401 before this runs when nobody is signed in.
        return CallerAuthentication.current().map(SignedIn::of);
    }

    private static ResponseEntity<ProblemDetail> tooManyAttempts(Duration retryAfter, String detail) {
        long seconds = Math.max(1, retryAfter.toSeconds() + (retryAfter.toMillisPart() > 0 ? 1 : 0));
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, detail));
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
