package org.haven.gateway.session;

import org.haven.gateway.auth.AuthenticationMethod;
import org.haven.gateway.auth.CallerAuthentication;
import org.haven.gateway.problem.ProblemResponses;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.Set;

/**
 * Cross-site request forgery defence for cookie sessions, in two layers. The cookie is {@code SameSite=Strict},
 * so browsers do not attach it to requests started by another site. And every state-changing request that a
 * session authenticates, as well as sign-in and sign-out themselves, must carry {@code X-Requested-With: haven}:
 * a custom header that a cross-site form cannot send, and a cross-site script can send only after a CORS
 * preflight, which the gateway never grants. No token to fetch and echo, which suits a single-page UI.
 * Requests authenticated by API key or OIDC token need no such check: the browser never adds those by itself.
 */
public final class RequestForgeryCheck implements WebFilter {

    public static final String HEADER = "X-Requested-With";
    public static final String VALUE = "haven";

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);
    private static final Set<String> SESSION_ENDPOINTS = Set.of("/auth/login", "/auth/logout");

    private final ProblemResponses problems;

    public RequestForgeryCheck(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (SAFE.contains(request.getMethod()) || VALUE.equals(request.getHeaders().getFirst(HEADER))) {
            return chain.filter(exchange);
        }
        Mono<Boolean> checked = SESSION_ENDPOINTS.contains(request.getPath().pathWithinApplication().value())
                ? Mono.just(true)
                : CallerAuthentication.currentAuthentication()
                        .map(authentication -> authentication.method() == AuthenticationMethod.SESSION)
                        .defaultIfEmpty(false);
        return checked.flatMap(mustCarryHeader -> mustCarryHeader
                ? problems.write(exchange, HttpStatus.FORBIDDEN,
                        "Requests from a signed-in browser that change something must send the header %s: %s."
                                .formatted(HEADER, VALUE))
                : chain.filter(exchange));
    }
}
