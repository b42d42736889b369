package org.haven.support.identity;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.haven.support.problem.ProblemResponses;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collection;
import java.util.List;

/**
 * Every Haven service accepts only requests that carry the gateway's signed identity token
 * ({@code Authorization: Bearer}, HS256, short-lived). A direct call to a service port without it is a 401.
 * Only the health endpoint is open, for the gateway's and the orchestrator's health checks.
 */
@AutoConfiguration
@EnableConfigurationProperties(IdentityTokenProperties.class)
public class IdentityTokenSecurityConfiguration {

    @Bean
    SecurityFilterChain identityTokenFilterChain(HttpSecurity http, JwtDecoder identityTokenDecoder) throws Exception {
        http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.decoder(identityTokenDecoder).jwtAuthenticationConverter(rolesFromClaims()))
                        .authenticationEntryPoint((request, response, e) ->
                                ProblemResponses.write(response, HttpStatus.UNAUTHORIZED, "Missing or invalid identity token"))
                        .accessDeniedHandler((request, response, e) ->
                                ProblemResponses.write(response, HttpStatus.FORBIDDEN, "Your role does not allow this")))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((request, response, e) ->
                                ProblemResponses.write(response, HttpStatus.UNAUTHORIZED, "Missing or invalid identity token"))
                        .accessDeniedHandler((request, response, e) ->
                                ProblemResponses.write(response, HttpStatus.FORBIDDEN, "Your role does not allow this")));
        return http.build();
    }

    @Bean
    JwtDecoder identityTokenDecoder(IdentityTokenProperties properties) {
        return new RememberedTokens(verifyingDecoder(properties), Clock.systemUTC());
    }

    /** Signature (HS256, one of the listed keys), issuer, audience, expiry and an organization: all checked. */
    static JwtDecoder verifyingDecoder(IdentityTokenProperties properties) {
        List<com.nimbusds.jose.jwk.JWK> keys = properties.keys().stream()
                .<com.nimbusds.jose.jwk.JWK>map(key -> new OctetSequenceKey.Builder(
                        new SecretKeySpec(key.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
                        .keyID(key.id()).algorithm(JWSAlgorithm.HS256).build())
                .toList();
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.HS256, new ImmutableJWKSet<>(new JWKSet(keys))));
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuer()),
                new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(properties.audience())),
                new JwtClaimValidator<String>(HavenIdentity.ORGANIZATION_CLAIM, org -> org != null && !org.isBlank()));
        decoder.setJwtValidator(validator);
        return decoder;
    }

    private static JwtAuthenticationConverter rolesFromClaims() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> {
            List<String> roles = jwt.getClaimAsStringList(HavenIdentity.ROLES_CLAIM);
            Collection<GrantedAuthority> authorities = roles == null ? List.of()
                    : roles.stream().<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
            return authorities;
        });
        return converter;
    }
}
