package org.haven.gateway.identity;

import org.haven.gateway.auth.CallerAuthentication;
import org.haven.gateway.auth.SecurityConfiguration;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Locale;

/**
 * Services trust exactly one statement of identity: the token the gateway signs. So whatever identity the
 * client claims (its own {@code Authorization}, {@code X-Haven-*}, {@code X-Organization*}, {@code X-User*},
 * {@code X-Roles}) is dropped, as are the API key and the cookies (the session cookie is the gateway's alone),
 * and a freshly signed token is added.
 */
public final class IdentityRelayFilter implements GlobalFilter, Ordered {

    private static final List<String> DROPPED_PREFIXES = List.of("x-haven-", "x-organization", "x-user", "x-roles");
    private static final List<String> DROPPED_NAMES = List.of(
            HttpHeaders.AUTHORIZATION.toLowerCase(Locale.ROOT), SecurityConfiguration.API_KEY_HEADER.toLowerCase(Locale.ROOT),
            HttpHeaders.COOKIE.toLowerCase(Locale.ROOT));

    private final IdentityTokenSigner signer;

    public IdentityRelayFilter(IdentityTokenSigner signer) {
        this.signer = signer;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return CallerAuthentication.current()
                // The security chain lets no unauthenticated request reach a route; fail closed if that ever changes.
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED)))
                .map(signer::sign)
                .flatMap(token -> chain.filter(exchange.mutate()
                        .request(request -> request.headers(headers -> {
                            headers.headerNames().stream().filter(IdentityRelayFilter::isClaimedIdentity).toList()
                                    .forEach(headers::remove);
                            headers.setBearerAuth(token);
                        }))
                        .build()));
    }

    private static boolean isClaimedIdentity(String headerName) {
        String name = headerName.toLowerCase(Locale.ROOT);
        return DROPPED_NAMES.contains(name) || DROPPED_PREFIXES.stream().anyMatch(name::startsWith);
    }

    /** Before route filters (ordered 1, 2, …), so that a header a route adds on purpose is not dropped. */
    @Override
    public int getOrder() {
        return 0;
    }
}
