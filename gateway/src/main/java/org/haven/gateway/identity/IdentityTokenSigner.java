package org.haven.gateway.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import org.haven.gateway.auth.Caller;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Signs the short-lived HS256 token that tells a service who is calling (internal-contracts.md). */
public final class IdentityTokenSigner {

    /** Short, so a token copied from a service's logs is useless almost at once. */
    static final Duration LIFETIME = Duration.ofSeconds(60);

    /** How long a signed token is handed out again to the same caller; it then still has 50 of its 60 s to live. */
    static final Duration REUSE = Duration.ofSeconds(10);
    private static final int REMEMBERED_CALLERS = 10_000;

    private record IssuedToken(String token, Instant issuedAt) {
    }

    private final Map<Caller, IssuedToken> recentlyIssued = new ConcurrentHashMap<>();
    private final JWSSigner signer;
    private final JWSHeader header;
    private final String issuer;
    private final String audience;
    private final Clock clock;

    public IdentityTokenSigner(IdentityTokenProperties properties, Clock clock) {
        IdentityTokenProperties.SigningKey key = properties.signingKey();
        try {
            this.signer = new MACSigner(key.secret().getBytes(StandardCharsets.UTF_8));
        } catch (JOSEException e) {
            throw new IllegalStateException("haven.identity key '%s' cannot sign HS256: %s".formatted(key.id(), e.getMessage()), e);
        }
        this.header = new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.id()).build();
        this.issuer = properties.issuer();
        this.audience = properties.audience();
        this.clock = clock;
    }

    /**
     * The caller's token, signed anew only when the one issued to the same caller (organization, subject, roles)
     * is older than {@link #REUSE}: signing, and the services' verification of a token they have seen, then cost
     * once per caller every few seconds instead of once per request. A caller whose roles change is another key.
     */
    public String sign(Caller caller) {
        Instant now = clock.instant();
        IssuedToken recent = recentlyIssued.get(caller);
        if (recent != null && !now.isBefore(recent.issuedAt()) && now.isBefore(recent.issuedAt().plus(REUSE))) {
            return recent.token();
        }
        String token = newToken(caller, now);
        if (recentlyIssued.size() >= REMEMBERED_CALLERS) {
            recentlyIssued.clear();
        }
        recentlyIssued.put(caller, new IssuedToken(token, now));
        return token;
    }

    private String newToken(Caller caller, Instant now) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("aud", List.of(audience));
        claims.put("sub", caller.subject());
        claims.put("org", caller.organizationId());
        claims.put("roles", caller.roles().stream().sorted().map(Enum::name).toList());
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(LIFETIME).getEpochSecond());
        JWSObject token = new JWSObject(header, new Payload(claims));
        try {
            token.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign the identity token", e);
        }
        return token.serialize();
    }
}
