package org.haven.notifications;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Mints the identity token the gateway would forward, signed with the local profile's key. */
final class IdentityTokens {

    static final String KEY_ID = "local-1";
    static final String SECRET = "local-dev-identity-secret-not-for-production-0001";

    private IdentityTokens() {
    }

    static String caseworkerOf(String organizationId) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer("haven-gateway")
                .audience(List.of("haven-services"))
                .subject("user:test-caseworker")
                .claim("org", organizationId)
                .claim("roles", List.of("CASEWORKER"))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofSeconds(60))))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(KEY_ID).build(), claims);
        try {
            jwt.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
