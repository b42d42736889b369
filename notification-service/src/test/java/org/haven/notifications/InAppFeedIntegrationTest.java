package org.haven.notifications;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.haven.events.CaseEventEnvelope;
import org.haven.events.CaseEventPayload.CaseOpened;
import org.haven.infra.TestInfrastructure;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The feed end to end on a real Kafka broker and a real PostgreSQL: message in, notification out over HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.level.org.apache.kafka=warn")
@ActiveProfiles("local")
class InAppFeedIntegrationTest {

    private static final String GROUP = "notification-service";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static CaseEventsTopic topic;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure infra = TestInfrastructure.shared();
        CaseEventsTopic.create(infra.bootstrapServers());
        registry.add("spring.datasource.url", () -> infra.jdbcUrl("haven_notification"));
        registry.add("spring.datasource.username", infra::username);
        registry.add("spring.datasource.password", infra::password);
        registry.add("spring.kafka.bootstrap-servers", infra::bootstrapServers);
    }

    @BeforeAll
    static void producer() {
        topic = new CaseEventsTopic(TestInfrastructure.shared().bootstrapServers());
    }

    @AfterAll
    static void closeProducer() {
        topic.close();
    }

    @Test
    void caseOpenedBecomesOneDeliveredInAppNotificationForTheCasesOrganization() {
        CaseEventEnvelope<CaseOpened> opened = caseOpened(UUID.randomUUID(), "org-a");

        topic.publish(opened);

        JsonNode feed = awaitNotifications(opened.caseId(), "org-a", 1);
        assertThat(feed).hasSize(1);
        JsonNode notification = feed.get(0);
        assertThat(notification.get("id").asString()).isNotBlank();
        assertThat(notification.get("caseId").asString()).isEqualTo(opened.caseId().toString());
        assertThat(notification.get("eventId").asString()).isEqualTo(opened.eventId().toString());
        assertThat(notification.get("eventType").asString()).isEqualTo("CaseOpened");
        assertThat(notification.get("kind").asString()).isEqualTo("UPDATE");
        assertThat(notification.get("message").asString()).isEqualTo("Case opened");
        assertThat(notification.get("createdAt").asString()).isNotBlank();
        assertThat(notification.get("read").asBoolean()).isFalse();
        assertThat(notification.get("deliveries")).hasSize(1);
        JsonNode delivery = notification.get("deliveries").get(0);
        assertThat(delivery.get("channel").asString()).isEqualTo("IN_APP");
        assertThat(delivery.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(delivery.get("attempts").asInt()).isEqualTo(1);
    }

    @Test
    void redeliveredCaseOpenedStillGivesExactlyOneNotification() {
        CaseEventEnvelope<CaseOpened> opened = caseOpened(UUID.randomUUID(), "org-a");
        topic.publish(opened);
        awaitNotifications(opened.caseId(), "org-a", 1);

        RecordMetadata redelivery = topic.publish(opened);
        topic.awaitConsumed(GROUP, redelivery);

        assertThat(notifications(opened.caseId(), "org-a")).hasSize(1);
    }

    @Test
    void anotherOrganizationSeesNoneOfTheCasesNotifications() {
        CaseEventEnvelope<CaseOpened> opened = caseOpened(UUID.randomUUID(), "org-a");
        topic.publish(opened);
        awaitNotifications(opened.caseId(), "org-a", 1);

        assertThat(notifications(opened.caseId(), "org-b")).isEmpty();
        assertThat(notifications(null, "org-b").findValues("caseId"))
                .noneMatch(caseId -> caseId.asString().equals(opened.caseId().toString()));
    }

    @Test
    void eventOfATypeThisBuildDoesNotKnowIsAcknowledgedWithoutANotification() {
        UUID caseId = UUID.randomUUID();
        String future = """
                {"eventId":"%s","type":"SomethingNewRecorded","caseId":"%s","organizationId":"org-a",
                 "sequence":1,"occurredAt":"2026-11-28T10:00:00Z","payload":{"code":"X"}}"""
                .formatted(UUID.randomUUID(), caseId);

        topic.awaitConsumed(GROUP, topic.publishRaw(caseId.toString(), future));

        assertThat(notifications(caseId, "org-a")).isEmpty();
    }

    @Test
    void unreadableMessageIsSkippedAndTheCasesNextEventStillReachesTheFeed() {
        UUID caseId = UUID.randomUUID();
        topic.publishRaw(caseId.toString(), "this is not a case event");

        topic.publish(caseOpened(caseId, "org-a"));

        assertThat(awaitNotifications(caseId, "org-a", 1)).hasSize(1);
    }

    @Test
    void requestWithoutIdentityTokenIsUnauthorized() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/api/notifications")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void caseIdThatIsNotAUuidIsABadRequestNamingCaseId() throws Exception {
        HttpResponse<String> response = get("/api/notifications?caseId=not-a-uuid", "org-a");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("errors").findValues("field")).extracting(JsonNode::asString).containsExactly("caseId");
    }

    private static CaseEventEnvelope<CaseOpened> caseOpened(UUID caseId, String organizationId) {
        return new CaseEventEnvelope<>(UUID.randomUUID(), "CaseOpened", caseId, organizationId, 0,
                Instant.parse("2026-11-28T10:00:00Z"),
                new CaseOpened(LocalDate.parse("1990-05-01"), "UA", "es", null, false, null));
    }

    private JsonNode awaitNotifications(UUID caseId, String organizationId, int atLeast) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> notifications(caseId, organizationId), feed -> feed.size() >= atLeast);
    }

    private JsonNode notifications(@Nullable UUID caseId, String organizationId) {
        try {
            HttpResponse<String> response = get(
                    "/api/notifications" + (caseId == null ? "" : "?caseId=" + caseId), organizationId);
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode feed = JSON.readTree(response.body());
            assertThat(feed.isArray()).isTrue();
            return feed;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> get(String path, String organizationId) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path))
                        .header("Authorization", "Bearer " + IdentityTokens.caseworkerOf(organizationId))
                        .GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
