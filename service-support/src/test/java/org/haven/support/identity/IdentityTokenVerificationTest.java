package org.haven.support.identity;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The filter chain every service gets from service-support, on a real server, in the middle of a key rotation:
 * {@code new-2} is being rolled out, {@code old-1} still signs in flight, {@code retired-0} was removed.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, classes = IdentityTokenVerificationTest.ServiceUnderTest.class,
        properties = {
                "spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
                "haven.identity.issuer=haven-gateway",
                "haven.identity.audience=haven-services",
                "haven.identity.keys[0].id=new-2",
                "haven.identity.keys[0].secret=" + IdentityTokenVerificationTest.NEW_SECRET,
                "haven.identity.keys[1].id=old-1",
                "haven.identity.keys[1].secret=" + IdentityTokenVerificationTest.OLD_SECRET})
class IdentityTokenVerificationTest {

    static final String NEW_SECRET = "new-identity-secret-of-at-least-thirty-two-bytes";
    static final String OLD_SECRET = "old-identity-secret-of-at-least-thirty-two-bytes";
    static final String RETIRED_SECRET = "retired-identity-secret-at-least-thirty-two-bytes";

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(WhoAmI.class)
    static class ServiceUnderTest {
    }

    @RestController
    static class WhoAmI {
        @GetMapping("/who-am-i")
        String whoAmI() {
            HavenIdentity identity = HavenIdentity.current();
            return identity.organizationId() + " " + identity.subject() + " " + identity.roles();
        }
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void requestWithoutTokenIsUnauthorizedProblem() throws Exception {
        HttpResponse<String> response = get(null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":401").doesNotContain("Exception");
    }

    @Test
    void tokenSignedWithTheNewKeyIsAccepted() throws Exception {
        HttpResponse<String> response = get(issuer("new-2", NEW_SECRET).mint("org-a", "user:ana", List.of(Role.CASEWORKER)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("org-a user:ana [CASEWORKER]");
    }

    @Test
    void tokenSignedWithTheOldKeyStillListedIsAccepted() throws Exception {
        assertThat(get(issuer("old-1", OLD_SECRET).mint("org-b", "api-key:x", List.of(Role.AUDITOR))).statusCode()).isEqualTo(200);
    }

    @Test
    void tokenSignedWithARetiredKeyIsRefused() throws Exception {
        String token = issuer("retired-0", RETIRED_SECRET).mint("org-a", "user:ana", List.of(Role.ADMIN));

        assertThat(get(token).statusCode()).isEqualTo(401);
    }

    @Test
    void tokenNamingAListedKeyButSignedWithAnotherSecretIsRefused() throws Exception {
        String token = issuer("new-2", RETIRED_SECRET).mint("org-a", "user:ana", List.of(Role.ADMIN));

        assertThat(get(token).statusCode()).isEqualTo(401);
    }

    @Test
    void expiredTokenIsRefused() throws Exception {
        String token = issuer("new-2", NEW_SECRET).mint("org-a", "user:ana", List.of(Role.CASEWORKER),
                Instant.now().minus(Duration.ofMinutes(10)), Duration.ofSeconds(60));

        assertThat(get(token).statusCode()).isEqualTo(401);
    }

    @Test
    void tokenFromAnotherIssuerOrForAnotherAudienceIsRefused() throws Exception {
        var key = new IdentityTokenProperties.SigningKey("new-2", NEW_SECRET);

        assertThat(get(new IdentityTokenIssuer(key, "someone-else", "haven-services").mint("org-a", "user:ana", List.of(Role.ADMIN)))
                .statusCode()).isEqualTo(401);
        assertThat(get(new IdentityTokenIssuer(key, "haven-gateway", "another-system").mint("org-a", "user:ana", List.of(Role.ADMIN)))
                .statusCode()).isEqualTo(401);
    }

    @Test
    void tokenWithoutOrganizationIsRefused() throws Exception {
        assertThat(get(issuer("new-2", NEW_SECRET).mint("", "user:ana", List.of(Role.ADMIN))).statusCode()).isEqualTo(401);
    }

    @Test
    void unsignedTokenIsRefused() throws Exception {
        String signed = issuer("new-2", NEW_SECRET).mint("org-a", "user:ana", List.of(Role.ADMIN));
        String[] parts = signed.split("\\.");
        String algNone = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"kid\":\"new-2\"}".getBytes()) + "." + parts[1] + ".";

        assertThat(get(algNone).statusCode()).isEqualTo(401);
    }

    private static IdentityTokenIssuer issuer(String keyId, String secret) {
        return new IdentityTokenIssuer(new IdentityTokenProperties.SigningKey(keyId, secret), "haven-gateway", "haven-services");
    }

    private HttpResponse<String> get(String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/who-am-i"));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
