package org.haven.gateway.problem;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** The gateway with every service down (nothing listens where the services should be) and no OIDC provider. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class ServicesUnreachableTest {

    @DynamicPropertySource
    static void servicesNowhere(DynamicPropertyRegistry registry) {
        String nowhere = "http://127.0.0.1:" + closedPort();
        EveryServiceAt.register(registry, nowhere);
    }

    @LocalServerPort
    int port;

    WebTestClient gateway;

    @BeforeEach
    void gatewayClient() {
        gateway = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void unreachableServiceIsBadGatewayProblem() {
        gateway.get().uri("/api/cases").header("X-API-Key", "hvn_dev_a_caseworker").exchange()
                .expectStatus().isEqualTo(502)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(502)
                .jsonPath("$.title").isEqualTo("Bad Gateway")
                .jsonPath("$.detail").isEqualTo("The service behind this path could not be reached.");
    }

    @Test
    void healthIsDownWhenServicesAreUnreachable() {
        gateway.get().uri("/actuator/health").exchange()
                .expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.status").isEqualTo("DOWN");
    }

    // This context configures no OIDC provider, unlike GatewayTestSupport's.
    @Test
    void bearerTokensAreNotAcceptedWhenNoOidcProviderIsConfigured() {
        String token = org.haven.gateway.TestOidcProvider.tokenSignedByAStranger(
                java.util.Map.of("sub", "maria", "haven_org", "org-a", "haven_roles", "ADMIN"));

        gateway.get().uri("/auth/me").header("Authorization", "Bearer " + token).exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.detail").isEqualTo(
                        "Sign in, or send a valid API key in the X-API-Key header or a bearer token.");
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
