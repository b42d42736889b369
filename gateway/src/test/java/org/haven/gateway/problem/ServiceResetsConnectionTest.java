package org.haven.gateway.problem;

import org.junit.jupiter.api.AfterAll;
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
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A service that dies in the middle of a request: it reads the request and resets the connection (RST, as the
 * kernel does for a process killed with unread data), which is what kill -9 of a service under load looks like.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class ServiceResetsConnectionTest {

    private static final ServerSocket resetting = resettingService();

    @DynamicPropertySource
    static void servicesThatReset(DynamicPropertyRegistry registry) {
        String service = "http://127.0.0.1:" + resetting.getLocalPort();
        EveryServiceAt.register(registry, service);
    }

    @LocalServerPort
    int port;

    WebTestClient gateway;

    @BeforeEach
    void gatewayClient() {
        gateway = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @AfterAll
    static void stopService() throws IOException {
        resetting.close();
    }

    @Test
    void aServiceThatResetsTheConnectionIsBadGatewayNotInternalError() {
        gateway.post().uri("/api/cases").header("X-API-Key", "hvn_dev_a_caseworker")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isEqualTo(502)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail").isEqualTo("The service behind this path could not be reached.");
    }

    private static ServerSocket resettingService() {
        try {
            ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread.ofVirtual().start(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket connection = server.accept();
                        Thread.ofVirtual().start(() -> reset(connection));
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void reset(Socket connection) {
        try (connection) {
            InputStream in = connection.getInputStream();
            byte[] buffer = new byte[8192];
            in.read(buffer); // the request has arrived; the service now dies
            connection.setSoLinger(true, 0);
        } catch (IOException ignored) {
            // the gateway hung up first
        }
    }
}
