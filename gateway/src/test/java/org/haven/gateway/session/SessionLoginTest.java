package org.haven.gateway.session;

import com.nimbusds.jwt.SignedJWT;
import org.haven.gateway.DownstreamStub.ReceivedRequest;
import org.haven.gateway.GatewayTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.WebTestClient.RequestBodySpec;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SessionLoginTest extends GatewayTestSupport {

    static final String PASSWORD = "haven-local";

    @Test
    void signInWithASeededUserAnswersWhoItIsAndSetsAStrictHttpOnlySessionCookie() {
        var result = login("caseworker-a", PASSWORD)
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.username").isEqualTo("caseworker-a")
                .jsonPath("$.organization").isEqualTo("org-a")
                .jsonPath("$.roles[0]").isEqualTo("CASEWORKER")
                .jsonPath("$.roles.length()").isEqualTo(1)
                .returnResult();

        ResponseCookie cookie = result.getResponseCookies().getFirst("HAVEN_SESSION");
        assertThat(cookie).isNotNull();
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Strict");
        assertThat(cookie.getPath()).isEqualTo("/");
    }

    @Test
    void eachSeededUserSignsInWithItsOrganizationAndRole() {
        Map<String, String[]> expected = Map.of(
                "intake-a", new String[]{"org-a", "INTAKE"},
                "auditor-a", new String[]{"org-a", "AUDITOR"},
                "admin-a", new String[]{"org-a", "ADMIN"},
                "caseworker-b", new String[]{"org-b", "CASEWORKER"});
        expected.forEach((username, orgAndRole) -> login(username, PASSWORD)
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.organization").isEqualTo(orgAndRole[0])
                .jsonPath("$.roles[0]").isEqualTo(orgAndRole[1]));
    }

    @Test
    void meAnswersTheSignedInUser() {
        String session = signIn("auditor-a");

        gateway.get().uri("/auth/me").cookie("HAVEN_SESSION", session).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.username").isEqualTo("auditor-a")
                .jsonPath("$.organization").isEqualTo("org-a")
                .jsonPath("$.roles[0]").isEqualTo("AUDITOR");
    }

    @Test
    void meWithoutSessionIsUnauthorizedProblem() {
        gateway.get().uri("/auth/me").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(401);
    }

    @Test
    void sessionAuthenticatesApiRequestsWithTheUsersSignedIdentityAndTheCookieIsNotForwarded() throws Exception {
        String session = signIn("caseworker-b");
        String path = unique("/api/cases");

        gateway.get().uri(path).cookie("HAVEN_SESSION", session).exchange().expectStatus().isOk();

        ReceivedRequest received = caseService.received(path).orElseThrow();
        var claims = SignedJWT.parse(received.header("Authorization").getFirst().substring("Bearer ".length())).getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo("user:caseworker-b");
        assertThat(claims.getStringClaim("org")).isEqualTo("org-b");
        assertThat(claims.getStringListClaim("roles")).containsExactly("CASEWORKER");
        assertThat(received.header("Cookie")).isEmpty();
    }

    @Test
    void signOutEndsTheSession() {
        String session = signIn("intake-a");

        gateway.post().uri("/auth/logout").cookie("HAVEN_SESSION", session).header("X-Requested-With", "haven").exchange()
                .expectStatus().isNoContent();

        gateway.get().uri("/auth/me").cookie("HAVEN_SESSION", session).exchange().expectStatus().isUnauthorized();
        gateway.get().uri(unique("/api/cases")).cookie("HAVEN_SESSION", session).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void wrongPasswordAndUnknownUserAreTheSameUnauthorizedProblem() {
        String wrongPassword = login("caseworker-a", "not-the-password")
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).returnResult().getResponseBody();
        String unknownUser = login("nobody-at-all", PASSWORD)
                .expectStatus().isUnauthorized()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(wrongPassword).isEqualTo(unknownUser).contains("\"status\":401");
    }

    @Test
    void failedSignInSetsNoSessionCookie() {
        login("caseworker-a", "not-the-password").expectStatus().isUnauthorized()
                .expectHeader().doesNotExist("Set-Cookie");
    }

    @Test
    void repeatedFailuresForOneUsernameAreRefusedWithRetryAfter() {
        String username = "throttled-" + System.nanoTime();
        for (int attempt = 1; attempt <= 5; attempt++) {
            login(username, "guess-" + attempt).expectStatus().isUnauthorized();
        }

        login(username, "guess-6")
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value("Retry-After", value -> assertThat(Long.parseLong(value)).isBetween(1L, 300L))
                .expectBody().jsonPath("$.status").isEqualTo(429);
    }

    @Test
    void signInWithoutTheRequestedWithHeaderIsForbidden() {
        gateway.post().uri("/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "caseworker-a", "password", PASSWORD)).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().doesNotExist("Set-Cookie");
    }

    @Test
    void stateChangingRequestBySessionWithoutTheRequestedWithHeaderIsForbiddenAndNotForwarded() {
        String session = signIn("caseworker-a");
        String path = unique("/api/cases");

        gateway.post().uri(path).cookie("HAVEN_SESSION", session).contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo(
                        "Requests from a signed-in browser that change something must send the header X-Requested-With: haven.");

        assertThat(caseService.received(path)).isEmpty();
    }

    @Test
    void stateChangingRequestBySessionWithTheRequestedWithHeaderIsForwarded() {
        String session = signIn("caseworker-a");
        String path = unique("/api/cases");

        gateway.post().uri(path).cookie("HAVEN_SESSION", session).header("X-Requested-With", "haven")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isOk();

        assertThat(caseService.received(path)).isPresent();
    }

    @Test
    void stateChangingRequestByApiKeyNeedsNoRequestedWithHeader() {
        gateway.post().uri(unique("/api/cases")).header("X-API-Key", CASEWORKER_A_KEY)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isOk();
    }

    @Test
    void signInChangesTheSessionIdSoAPlantedOneIsUseless() {
        String first = signIn("caseworker-a");
        var result = gateway.post().uri("/auth/login").cookie("HAVEN_SESSION", first).header("X-Requested-With", "haven")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("username", "intake-a", "password", PASSWORD))
                .exchange().expectStatus().isOk().expectBody().returnResult();
        String second = result.getResponseCookies().getFirst("HAVEN_SESSION").getValue();

        assertThat(second).isNotEqualTo(first);
        gateway.get().uri("/auth/me").cookie("HAVEN_SESSION", first).exchange().expectStatus().isUnauthorized();
    }

    private String signIn(String username) {
        return login(username, PASSWORD).expectStatus().isOk().expectBody().returnResult()
                .getResponseCookies().getFirst("HAVEN_SESSION").getValue();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec login(String username, String password) {
        RequestBodySpec request = gateway.post().uri("/auth/login").header("X-Requested-With", "haven");
        return request.contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", password))
                .exchange();
    }
}
