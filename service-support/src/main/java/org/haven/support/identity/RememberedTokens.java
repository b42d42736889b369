package org.haven.support.identity;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies each distinct identity token once and answers the same token from memory until it expires. The gateway
 * hands a caller the same token for a few seconds, so a busy caller's requests skip the signature check and the
 * claim validation after the first. The key is the whole token, signature included: a token that differs in any
 * byte is verified in full. An expired token is never answered from memory; the decoder then decides (and refuses).
 */
final class RememberedTokens implements JwtDecoder {

    private static final int REMEMBERED = 10_000;

    private final JwtDecoder decoder;
    private final Clock clock;
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    RememberedTokens(JwtDecoder decoder, Clock clock) {
        this.decoder = decoder;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.get(token);
        if (known != null && unexpired(known)) {
            return known;
        }
        Jwt jwt = decoder.decode(token);
        if (unexpired(jwt)) {
            if (verified.size() >= REMEMBERED) {
                verified.clear();
            }
            verified.put(token, jwt);
        }
        return jwt;
    }

    private boolean unexpired(Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        return expiresAt != null && clock.instant().isBefore(expiresAt);
    }
}
