package org.haven.gateway.auth;

import org.haven.gateway.problem.ProblemResponses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Every request needs a valid {@code X-API-Key}, except the health check, which load balancers and the
 * local stack poll without credentials. Stateless: no session, no saved request, no login page.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class SecurityConfiguration {

    public static final String API_KEY_HEADER = "X-API-Key";

    private static final ServerWebExchangeMatcher PUBLIC = ServerWebExchangeMatchers.pathMatchers("/actuator/health");

    @Bean
    SecurityWebFilterChain apiKeyFilterChain(ServerHttpSecurity http, ApiKeyStore apiKeys, ProblemResponses problems) {
        ServerAuthenticationEntryPoint missingKey = (exchange, e) ->
                unauthorized(problems, exchange, "Send a valid API key in the " + API_KEY_HEADER + " header.");
        ServerAccessDeniedHandler forbidden = (exchange, e) ->
                problems.write(exchange, HttpStatus.FORBIDDEN, "Your role does not allow this.");

        AuthenticationWebFilter apiKeyAuthentication = new AuthenticationWebFilter(apiKeyAuthenticationManager(apiKeys));
        apiKeyAuthentication.setServerAuthenticationConverter(SecurityConfiguration::presentedApiKey);
        // A bad key on the public health check should not turn it into a 401.
        apiKeyAuthentication.setRequiresAuthenticationMatcher(new NegatedServerWebExchangeMatcher(PUBLIC));
        apiKeyAuthentication.setAuthenticationFailureHandler((filterExchange, e) ->
                unauthorized(problems, filterExchange.getExchange(), "The API key is not valid."));

        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .addFilterAt(apiKeyAuthentication, SecurityWebFiltersOrder.AUTHENTICATION)
                .authorizeExchange(exchanges -> exchanges
                        .matchers(PUBLIC).permitAll()
                        .anyExchange().authenticated())
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(missingKey)
                        .accessDeniedHandler(forbidden))
                .build();
    }

    private static ReactiveAuthenticationManager apiKeyAuthenticationManager(ApiKeyStore apiKeys) {
        return authentication -> apiKeys.findCaller((String) authentication.getCredentials())
                .<Authentication>map(CallerAuthentication::new)
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
