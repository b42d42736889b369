package org.haven.gateway.auth;

import org.haven.gateway.limits.CallerRateLimits;
import org.haven.gateway.limits.RateLimitFilter;
import org.haven.gateway.oidc.OidcCallers;
import org.haven.gateway.problem.ProblemResponses;
import org.haven.gateway.session.RequestForgeryCheck;
import org.haven.gateway.session.SessionCallerRepository;
import org.haven.gateway.ui.StaticResources;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * Who may call what. Three ways in: an {@code X-API-Key} (organization integrations), an OIDC
 * {@code Authorization: Bearer} token (people, when a provider is configured) and a browser session from
 * {@code /auth/login} (the UI, seeded users of the local stack). Only the health check, sign-in/sign-out and the UI's static files are
 * public; everything else, known path or not, answers 401 problem+json without credentials.
 * No saved requests, no login page, no HTTP Basic.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class SecurityConfiguration {

    public static final String API_KEY_HEADER = "X-API-Key";

    private static final ServerWebExchangeMatcher HEALTH = ServerWebExchangeMatchers.pathMatchers("/actuator/health");

    /** The UI is served from the gateway's own origin and needs nothing from anywhere else. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Bean
    SecurityWebFilterChain gatewayFilterChain(ServerHttpSecurity http, ObjectProvider<ApiKeyStore> apiKeyStores,
                                              ObjectProvider<ReactiveJwtDecoder> oidcDecoder, OidcCallers oidcCallers,
                                              CallerRateLimits rateLimits, ProblemResponses problems) {
        List<ApiKeyStore> apiKeys = apiKeyStores.orderedStream().toList();
        ServerAuthenticationEntryPoint noCredentials = (exchange, e) -> unauthorized(problems, exchange,
                "Sign in, or send a valid API key in the " + API_KEY_HEADER + " header or a bearer token.");
        ServerAccessDeniedHandler forbidden = (exchange, e) ->
                problems.write(exchange, HttpStatus.FORBIDDEN, "Your role does not allow this.");

        AuthenticationWebFilter apiKeyAuthentication = new AuthenticationWebFilter(apiKeyAuthenticationManager(apiKeys));
        apiKeyAuthentication.setServerAuthenticationConverter(SecurityConfiguration::presentedApiKey);
        // A bad key on the public health check should not turn it into a 401.
        apiKeyAuthentication.setRequiresAuthenticationMatcher(new NegatedServerWebExchangeMatcher(HEALTH));
        apiKeyAuthentication.setAuthenticationFailureHandler((filterExchange, e) ->
                unauthorized(problems, filterExchange.getExchange(), "The API key is not valid."));

        // Spring Boot builds the decoder only when spring.security.oauth2.resourceserver.jwt.issuer-uri or jwk-set-uri is set.
        ReactiveJwtDecoder decoder = oidcDecoder.getIfAvailable();
        if (decoder != null) {
            http.addFilterAt(bearerAuthentication(decoder, oidcCallers, problems), SecurityWebFiltersOrder.AUTHENTICATION);
        }

        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable) // replaced by RequestForgeryCheck, see there
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(new SessionCallerRepository())
                .addFilterAt(apiKeyAuthentication, SecurityWebFiltersOrder.AUTHENTICATION)
                .addFilterAfter(new RequestForgeryCheck(problems), SecurityWebFiltersOrder.AUTHENTICATION)
                .addFilterBefore(new RateLimitFilter(rateLimits, problems), SecurityWebFiltersOrder.AUTHORIZATION)
                .authorizeExchange(exchanges -> exchanges
                        .matchers(HEALTH).permitAll()
                        .pathMatchers(HttpMethod.POST, "/auth/login", "/auth/logout").permitAll()
                        .pathMatchers("/api/admin/**").hasRole(Role.ADMIN.name())
                        .matchers(new StaticResources()).permitAll()
                        .anyExchange().authenticated())
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(noCredentials)
                        .accessDeniedHandler(forbidden))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .build();
    }

    /** An API key wins over a bearer token when a request sends both; a bad bearer token is a 401, not ignored. */
    private static AuthenticationWebFilter bearerAuthentication(ReactiveJwtDecoder decoder, OidcCallers callers,
                                                                ProblemResponses problems) {
        JwtReactiveAuthenticationManager manager = new JwtReactiveAuthenticationManager(decoder);
        manager.setJwtAuthenticationConverter(callers);
        AuthenticationWebFilter filter = new AuthenticationWebFilter(manager);
        filter.setServerAuthenticationConverter(new ServerBearerTokenAuthenticationConverter());
        filter.setRequiresAuthenticationMatcher(exchange ->
                HEALTH.matches(exchange).flatMap(health -> health.isMatch()
                        || exchange.getRequest().getHeaders().containsHeader(API_KEY_HEADER)
                        ? ServerWebExchangeMatcher.MatchResult.notMatch()
                        : ServerWebExchangeMatcher.MatchResult.match()));
        filter.setAuthenticationFailureHandler((filterExchange, e) -> {
            ServerWebExchange exchange = filterExchange.getExchange();
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            return problems.write(exchange, HttpStatus.UNAUTHORIZED, "The bearer token is not valid.");
        });
        return filter;
    }

    private static ReactiveAuthenticationManager apiKeyAuthenticationManager(List<ApiKeyStore> apiKeys) {
        return authentication -> Flux.fromIterable(apiKeys)
                .concatMap(store -> store.findCaller((String) authentication.getCredentials()))
                .next()
                .<Authentication>map(caller -> new CallerAuthentication(caller, AuthenticationMethod.API_KEY))
                .switchIfEmpty(Mono.error(() -> new BadCredentialsException("Unknown API key")));
    }

    private static Mono<Authentication> presentedApiKey(ServerWebExchange exchange) {
        String key = exchange.getRequest().getHeaders().getFirst(API_KEY_HEADER);
        return key == null || key.isBlank() ? Mono.empty() : Mono.just(new PresentedApiKey(key));
    }

    private static Mono<Void> unauthorized(ProblemResponses problems, ServerWebExchange exchange, String detail) {
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "ApiKey header=\"" + API_KEY_HEADER + "\"");
        return problems.write(exchange, HttpStatus.UNAUTHORIZED, detail);
    }
}
