package org.haven.support.identity;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The real verifying decoder behind the memory, counting how often it is asked. */
class RememberedTokensTest {

    private static final String SECRET = "remembered-tokens-secret-of-at-least-32-bytes";
    private static final IdentityTokenProperties PROPERTIES = new IdentityTokenProperties("haven-gateway", "haven-services",
            List.of(new IdentityTokenProperties.SigningKey("k-1", SECRET)));
    private static final IdentityTokenIssuer ISSUER =
            new IdentityTokenIssuer(PROPERTIES.keys().getFirst(), "haven-gateway", "haven-services");

    private final AtomicInteger verifications = new AtomicInteger();
    private final JwtDecoder verifying = token -> {
        verifications.incrementAndGet();
        return IdentityTokenSecurityConfiguration.verifyingDecoder(PROPERTIES).decode(token);
    };
    private Instant now = Instant.now();
    private final RememberedTokens tokens = new RememberedTokens(verifying, new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    @Test
    void theSameTokenIsVerifiedOnce() {
        String token = ISSUER.mint("org-a", "user:ana", List.of(Role.CASEWORKER));

        Jwt first = tokens.decode(token);
        Jwt second = tokens.decode(token);

        assertThat(second).isSameAs(first);
        assertThat(second.getClaimAsString("org")).isEqualTo("org-a");
        assertThat(verifications).hasValue(1);
    }

    @Test
    void aTokenDifferingInOneByteIsVerifiedInFullAndRefused() {
        String token = ISSUER.mint("org-a", "user:ana", List.of(Role.CASEWORKER));
        tokens.decode(token);
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");

        assertThatThrownBy(() -> tokens.decode(tampered)).isInstanceOf(JwtException.class);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aRememberedTokenPastItsExpiryIsAskedOfTheDecoderAgain() {
        String token = ISSUER.mint("org-a", "user:ana", List.of(Role.CASEWORKER));
        tokens.decode(token);

        now = now.plus(Duration.ofSeconds(61));
        tokens.decode(token);   // the real decoder still accepts it on the wall clock; the memory no longer answers

        assertThat(verifications).hasValue(2);
    }

    @Test
    void aRefusedTokenIsNotRemembered() {
        String expired = ISSUER.mint("org-a", "user:ana", List.of(Role.CASEWORKER),
                Instant.now().minus(Duration.ofMinutes(10)), Duration.ofSeconds(60));

        assertThatThrownBy(() -> tokens.decode(expired)).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> tokens.decode(expired)).isInstanceOf(JwtException.class);
        assertThat(verifications).hasValue(2);
    }
}
