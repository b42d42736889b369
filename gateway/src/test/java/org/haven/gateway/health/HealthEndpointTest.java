package org.haven.gateway.health;

import org.haven.gateway.GatewayTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HealthEndpointTest extends GatewayTestSupport {

    @AfterEach
    void allServicesHealthyAgain() {
        caseService.healthy(true);
        eligibilityService.healthy(true);
        notificationService.healthy(true);
    }

    @Test
    void healthIsUpWithoutApiKeyWhenEveryServiceIsUp() {
        gateway.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void healthIsDownWhenOneServiceIsDown() {
        eligibilityService.healthy(false);

        gateway.get().uri("/actuator/health").exchange()
                .expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.status").isEqualTo("DOWN");
    }

    @Test
    void healthIgnoresAnInvalidApiKey() {
        gateway.get().uri("/actuator/health").header("X-API-Key", "not-a-key").exchange()
                .expectStatus().isOk();
    }

    @Test
    void healthShowsNoDetailsAboutTheServices() {
        gateway.get().uri("/actuator/health").exchange()
                .expectBody().jsonPath("$.components").doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/gateway", "/actuator/gateway/routes", "/actuator", "/actuator/env", "/actuator/info"})
    void otherActuatorEndpointsAreNotReachableEvenWithAValidKey(String path) {
        gateway.get().uri(path).header("X-API-Key", "hvn_dev_a_admin").exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void gatewayActuatorEndpointWithoutKeyIsUnauthorized() {
        gateway.get().uri("/actuator/gateway/routes").exchange()
                .expectStatus().isUnauthorized();
    }
}
