package org.haven.gateway.identity;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jwt.SignedJWT;
import org.haven.gateway.DownstreamStub.ReceivedRequest;
import org.haven.gateway.GatewayTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import javax.crypto.spec.SecretKeySpec;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class IdentityTokenRelayTest extends GatewayTestSupport {

    @Test
    void forwardedRequestCarriesBearerTokenSignedWithTheConfiguredKey() throws Exception {
        SignedJWT token = identityTokenForwardedFor("hvn_dev_a_caseworker");

        assertThat(token.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
        assertThat(token.getHeader().getKeyID()).isEqualTo("local-1");
        assertThat(token.verify(new MACVerifier(IDENTITY_SECRET.getBytes(StandardCharsets.UTF_8)))).isTrue();
    }

    @Test
    void identityTokenNamesTheCallersOrganizationSubjectAndRoles() throws Exception {
        var claims = identityTokenForwardedFor("hvn_dev_b_caseworker").getJWTClaimsSet();

        assertThat(claims.getStringClaim("org")).isEqualTo("org-b");
        assertThat(claims.getSubject()).isEqualTo("api-key:dev-b-caseworker");
        assertThat(claims.getStringListClaim("roles")).containsExactly("CASEWORKER");
    }

    @Test
    void identityTokenIsIssuedByTheGatewayForTheServicesAndExpiresAfterSixtySeconds() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        SignedJWT token = identityTokenForwardedFor("hvn_dev_a_auditor");
        var claims = token.getJWTClaimsSet();

        assertThat(claims.getIssuer()).isEqualTo("haven-gateway");
        assertThat(claims.getIssueTime().toInstant()).isAfterOrEqualTo(before.truncatedTo(ChronoUnit.SECONDS));
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(claims.getIssueTime().toInstant().plusSeconds(60));
        // The contract's audience is an array, even with one element.
        Map<?, ?> payload = token.getPayload().toJSONObject();
        assertThat(payload.get("aud")).isEqualTo(List.of("haven-services"));
    }

    @Test
    void identityTokenPassesTheVerificationTheServicesApply() throws Exception {
        String token = identityTokenForwardedFor("hvn_dev_a_intake").serialize();

        Jwt verified = servicesDecoder().decode(token);

        assertThat(verified.getClaimAsString("org")).isEqualTo("org-a");
        assertThat(verified.getClaimAsStringList("roles")).containsExactly("INTAKE");
    }

    @Test
    void identityHeadersSentByTheClientAreNotForwarded() {
        String path = unique("/api/cases");

        gateway.get().uri(path)
                .header("X-API-Key", CASEWORKER_A_KEY)
                .header("Authorization", "Bearer forged.by.client")
                .header("X-Haven-Organization", "org-b")
                .header("X-Organization-Id", "org-b")
                .header("X-User", "admin")
                .header("X-Roles", "ADMIN")
                .exchange()
                .expectStatus().isOk();

        ReceivedRequest received = caseService.received(path).orElseThrow();
        assertThat(received.header("Authorization")).singleElement().asString()
                .startsWith("Bearer ").isNotEqualTo("Bearer forged.by.client");
        assertThat(received.headers().keySet()).noneMatch(name -> name.toLowerCase().startsWith("x-haven-")
                || name.toLowerCase().startsWith("x-organization")
                || name.toLowerCase().startsWith("x-user")
                || name.equalsIgnoreCase("x-roles"));
    }

    @Test
    void apiKeyIsNotForwardedToTheService() {
        String path = unique("/api/eligibility");

        gateway.get().uri(path).header("X-API-Key", CASEWORKER_A_KEY).exchange().expectStatus().isOk();

        assertThat(eligibilityService.received(path).orElseThrow().header("X-API-Key")).isEmpty();
    }

    /** The decoder of service-support's IdentityTokenSecurityConfiguration, rebuilt here because that module is servlet-only. */
    private static JwtDecoder servicesDecoder() {
        OctetSequenceKey key = new OctetSequenceKey.Builder(
                new SecretKeySpec(IDENTITY_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
                .keyID("local-1").algorithm(JWSAlgorithm.HS256).build();
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.HS256, new ImmutableJWKSet<>(new JWKSet(key))));
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer("haven-gateway"),
                new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains("haven-services")),
                new JwtClaimValidator<String>("org", org -> org != null && !org.isBlank())));
        return decoder;
    }

    private SignedJWT identityTokenForwardedFor(String apiKey) throws Exception {
        String path = unique("/api/notifications");
        gateway.get().uri(path).header("X-API-Key", apiKey).exchange().expectStatus().isOk();
        String authorization = notificationService.received(path).orElseThrow().header("Authorization").getFirst();
        assertThat(authorization).startsWith("Bearer ");
        return SignedJWT.parse(authorization.substring("Bearer ".length()));
    }
}
