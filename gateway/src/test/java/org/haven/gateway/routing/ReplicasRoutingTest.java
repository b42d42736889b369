package org.haven.gateway.routing;

import org.haven.gateway.DownstreamStub;
import org.haven.gateway.GatewayDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway in front of two instances of case-service, as {@code ./haven up --replicas 2} starts it. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.cloud.loadbalancer.health-check.interval=2s")
@ActiveProfiles("local")
class ReplicasRoutingTest {

    private static final DownstreamStub first = DownstreamStub.start("case");
    private static final DownstreamStub second = DownstreamStub.start("case");
    private static final DownstreamStub eligibility = DownstreamStub.start("eligibility");
    private static final DownstreamStub notification = DownstreamStub.start("notification");

    @DynamicPropertySource
    static void twoCaseServices(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.discovery.client.simple.instances.case-service[0].uri", () -> first.baseUri().toString());
        registry.add("spring.cloud.discovery.client.simple.instances.case-service[1].uri", () -> second.baseUri().toString());
        registry.add("haven.gateway.services.eligibility", () -> eligibility.baseUri().toString());
        registry.add("haven.gateway.services.notification", () -> notification.baseUri().toString());
        registry.add("haven.gateway.services.case", () -> first.baseUri().toString());
        GatewayDatabase.register(registry);
    }

    @LocalServerPort
    int port;

    WebTestClient gateway;

    private WebTestClient gateway() {
        if (gateway == null) {
            gateway = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(15)).build();
        }
        return gateway;
    }

    /** Both healthy, and the gateway's health check has seen it (a test before may have taken one down). */
    @BeforeEach
    void bothInstancesTakeRequests() throws Exception {
        first.healthy(true);
        second.healthy(true);
        Instant deadline = Instant.now().plusSeconds(30);
        boolean reachedFirst = false;
        boolean reachedSecond = false;
        while (!(reachedFirst && reachedSecond)) {
            assertThat(Instant.now()).as("both instances back in the load balancer").isBefore(deadline);
            String path = "/api/deadlines/" + UUID.randomUUID();
            get(path);
            reachedFirst |= first.received(path).isPresent();
            reachedSecond |= second.received(path).isPresent();
            Thread.sleep(50);
        }
    }

    @AfterEach
    void bothHealthy() {
        first.healthy(true);
        second.healthy(true);
    }

    private void get(String path) {
        gateway().get().uri(path).header("X-API-Key", "hvn_dev_a_caseworker").exchange().expectStatus().isOk();
    }

    private static DownstreamStub receiver(String path) {
        boolean byFirst = first.received(path).isPresent();
        boolean bySecond = second.received(path).isPresent();
        assertThat(byFirst ^ bySecond).as(path + " received by exactly one instance").isTrue();
        return byFirst ? first : second;
    }

    @Test
    void requestsAboutOneCaseAllGoToOneInstanceAndCasesAreSpreadOverBoth() {
        int onFirst = 0;
        for (int i = 0; i < 20; i++) {
            String caseId = UUID.randomUUID().toString();
            List<String> paths = List.of("/api/cases/" + caseId, "/api/cases/" + caseId + "/history",
                    "/api/cases/" + caseId + "/notes", "/api/audit/cases/" + caseId + "/verify");
            paths.forEach(this::get);
            DownstreamStub owner = receiver(paths.getFirst());
            paths.forEach(path -> assertThat(receiver(path)).as(path).isSameAs(owner));
            onFirst += owner == first ? 1 : 0;
        }
        assertThat(onFirst).as("cases owned by the first instance, of 20").isBetween(3, 17);
    }

    @Test
    void otherRequestsTakeTurns() {
        String a = "/api/deadlines/" + UUID.randomUUID();
        String b = "/api/deadlines/" + UUID.randomUUID();
        get(a);
        get(b);
        assertThat(receiver(a)).isNotSameAs(receiver(b));
    }

    @Test
    void anInstanceThatIsDownStopsGettingItsCasesWithinTheHealthCheckInterval() throws Exception {
        first.healthy(false);
        Instant deadline = Instant.now().plusSeconds(30);
        int inARowOnSecond = 0;
        while (inARowOnSecond < 4) { // round-robin over one instance: the health check has noticed
            assertThat(Instant.now()).as("the first instance out of the load balancer").isBefore(deadline);
            String path = "/api/deadlines/" + UUID.randomUUID();
            get(path);
            inARowOnSecond = receiver(path) == second ? inARowOnSecond + 1 : 0;
            Thread.sleep(50);
        }
        // the health check has noticed: from now on every case goes to the second instance
        for (int i = 0; i < 20; i++) {
            String next = "/api/cases/" + UUID.randomUUID();
            get(next);
            assertThat(receiver(next)).as(next).isSameAs(second);
        }
    }
}
