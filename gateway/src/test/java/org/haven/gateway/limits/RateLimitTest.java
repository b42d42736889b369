package org.haven.gateway.limits;

import org.haven.gateway.GatewayTestSupport;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Its own context, with limits small enough to reach in a test: a burst of 3, then one request per 10 s. */
@TestPropertySource(properties = {
        "haven.gateway.limits.rate.requests-per-second=0.1",
        "haven.gateway.limits.rate.burst=3",
        "haven.gateway.limits.logins.requests-per-second=0.01",
        "haven.gateway.limits.logins.burst=4"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RateLimitTest extends GatewayTestSupport {

    @Test
    void callerOverItsBurstIsTooManyRequestsProblemWithRetryAfterAndNothingIsForwarded() {
        String key = "hvn_dev_a_auditor";
        for (int i = 0; i < 3; i++) {
            gateway.get().uri(unique("/api/cases")).header("X-API-Key", key).exchange().expectStatus().isOk();
        }
        String path = unique("/api/cases");

        gateway.get().uri(path).header("X-API-Key", key).exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value("Retry-After", value -> assertThat(Long.parseLong(value)).isBetween(1L, 10L))
                .expectBody().jsonPath("$.status").isEqualTo(429).jsonPath("$.title").isEqualTo("Too Many Requests");

        assertThat(caseService.received(path)).isEmpty();
    }

    @Test
    void oneCallersLimitDoesNotSlowDownAnother() {
        for (int i = 0; i < 4; i++) {
            gateway.get().uri(unique("/api/cases")).header("X-API-Key", "hvn_dev_a_intake").exchange();
        }

        gateway.get().uri(unique("/api/cases")).header("X-API-Key", "hvn_dev_b_caseworker").exchange().expectStatus().isOk();
    }

    @Test
    void signedInUsersAreLimitedPerUser() {
        String session = gateway.post().uri("/auth/login").header("X-Requested-With", "haven")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("username", "caseworker-b", "password", "haven-local"))
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseCookies().getFirst("HAVEN_SESSION").getValue();

        int tooMany = 0;
        for (int i = 0; i < 4; i++) {
            int status = gateway.get().uri("/auth/me").cookie("HAVEN_SESSION", session).exchange()
                    .expectBody().returnResult().getStatus().value();
            tooMany += status == 429 ? 1 : 0;
        }
        assertThat(tooMany).isEqualTo(1);
    }

    @Test
    @Order(Integer.MAX_VALUE) // uses up the sign-ins that signedInUsersAreLimitedPerUser needs one of
    void aFloodOfSignInsIsRefusedBeforeAnyPasswordIsChecked() {
        boolean refused = false;
        for (int i = 0; i < 6 && !refused; i++) {
            var result = gateway.post().uri("/auth/login").header("X-Requested-With", "haven")
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("username", "flood-" + i, "password", "x"))
                    .exchange().expectBody(String.class).returnResult();
            refused = result.getStatus().value() == 429;
            if (refused) {
                assertThat(result.getResponseHeaders().getFirst("Retry-After")).isNotBlank();
                assertThat(result.getResponseBody()).contains("Too many sign-ins at the moment");
            }
        }
        assertThat(refused).isTrue();
    }

    @Test
    void healthIsNeverRateLimited() {
        for (int i = 0; i < 6; i++) {
            gateway.get().uri("/actuator/health").exchange().expectStatus().isOk();
        }
    }
}
