package org.haven.gateway.auth;

import org.haven.gateway.GatewayTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeyAuthenticationTest extends GatewayTestSupport {

    @Test
    void requestWithoutApiKeyIsUnauthorizedProblem() {
        gateway.get().uri(unique("/api/cases")).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("about:blank")
                .jsonPath("$.title").isEqualTo("Unauthorized")
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.detail").isEqualTo("Sign in, or send a valid API key in the X-API-Key header or a bearer token.");
    }

    @Test
    void requestWithUnknownApiKeyIsUnauthorizedProblem() {
        gateway.get().uri(unique("/api/cases")).header("X-API-Key", "hvn_dev_a_guess").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.detail").isEqualTo("The API key is not valid.");
    }

    @Test
    void unauthenticatedRequestNeverReachesAService() {
        String path = unique("/api/cases");

        gateway.get().uri(path).header("X-API-Key", "not-a-key").exchange().expectStatus().isUnauthorized();
        gateway.get().uri(path).exchange().expectStatus().isUnauthorized();

        assertThat(caseService.received(path)).isEmpty();
    }

    @Test
    void unknownPathWithoutApiKeyIsUnauthorizedRatherThanNotFound() {
        gateway.get().uri("/anything").exchange()
                .expectStatus().isUnauthorized();
    }
}
