package org.haven.support.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;

/**
 * Mints identity tokens the way the gateway does, for callers inside the trust boundary: integration tests,
 * benchmarks and tools that talk to a service directly. The gateway has its own signer for production traffic.
 */
public final class IdentityTokenIssuer {

    private final IdentityTokenProperties.SigningKey key;
    private final String issuer;
    private final String audience;

    public IdentityTokenIssuer(IdentityTokenProperties.SigningKey key, String issuer, String audience) {
        this.key = key;
        this.issuer = issuer;
        this.audience = audience;
    }

    /** The issuer for the local profile's key, matching {@code application-local.yml} of every service. */
    public static IdentityTokenIssuer local() {
        return new IdentityTokenIssuer(new IdentityTokenProperties.SigningKey("local-1", LOCAL_SECRET),
                "haven-gateway", "haven-services");
    }

    /** Not a secret: the local profile's key, published in docs/internal-contracts.md. */
    public static final String LOCAL_SECRET = "local-dev-identity-secret-not-for-production-0001";

    public String mint(String organizationId, String subject, Collection<Role> roles) {
        return mint(organizationId, subject, roles, Instant.now(), Duration.ofSeconds(60));
    }

    public String mint(String organizationId, String subject, Collection<Role> roles, Instant issuedAt, Duration lifetime) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(List.of(audience))
                .subject(subject)
                .claim(HavenIdentity.ORGANIZATION_CLAIM, organizationId)
                .claim(HavenIdentity.ROLES_CLAIM, roles.stream().map(Role::name).toList())
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(lifetime)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.id()).build(), claims);
        try {
            jwt.sign(new MACSigner(key.secret().getBytes(StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign identity token", e);
        }
        return jwt.serialize();
    }
}
