package org.haven.deploy;

import org.haven.deploy.local.HavenLocalStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole stack as {@code ./haven up} runs it (real PostgreSQL, a real Kafka broker, every service and the
 * gateway in its own JVM), on free ports, driven only through the gateway's public API.
 * Needs the services' boot jars: {@code ./mvnw verify} packages them before this module's tests run.
 */
@Timeout(value = 10, unit = java.util.concurrent.TimeUnit.MINUTES)
@ExtendWith(SharedStack.class)
class StackEndToEndTest {

    private static final String CASEWORKER_A = "hvn_dev_a_caseworker";
    private static final String CASEWORKER_B = "hvn_dev_b_caseworker";
    private static final String ADMIN_A = "hvn_dev_a_admin";
    private static final String OLENA = """
            {"client":{"givenName":"Olena","familyName":"Kovalenko","dateOfBirth":"1990-05-01",\
            "countryOfNationality":"UA","preferredLanguage":"en"}}""";

    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper json = JsonMapper.builder().build();
    private static HavenLocalStack stack;

    @BeforeAll
    static void sharedStack() {
        stack = SharedStack.stack();
    }

    @Test
    void aCaseworkerOpensACaseAndReadsItBack() {
        String id = openCase(CASEWORKER_A);

        HttpResponse<String> read = send(get("/api/cases/" + id, CASEWORKER_A));

        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(json.readTree(read.body()).path("id").asString()).isEqualTo(id);
    }

    @Test
    void aCaseOfAnotherOrganizationIsNotFound() {
        String id = openCase(CASEWORKER_A);

        HttpResponse<String> read = send(get("/api/cases/" + id, CASEWORKER_B));

        assertThat(read.statusCode()).as(read.body()).isEqualTo(404);
    }

    @Test
    void aRequestWithoutCredentialsIsUnauthorized() {
        String id = openCase(CASEWORKER_A);

        HttpResponse<String> read = send(get("/api/cases/" + id, null));

        assertThat(read.statusCode()).as(read.body()).isEqualTo(401);
    }

    @Test
    void openingACaseNotifiesExactlyOnceThroughKafka() throws InterruptedException {
        String id = openCase(CASEWORKER_A);

        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        List<JsonNode> caseOpened = List.of();
        String lastBody = "";
        while (caseOpened.isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            HttpResponse<String> notifications = send(get("/api/notifications?caseId=" + id, CASEWORKER_A));
            assertThat(notifications.statusCode()).as(notifications.body()).isEqualTo(200);
            lastBody = notifications.body();
            caseOpened = items(json.readTree(lastBody)).stream()
                    .filter(notification -> "CaseOpened".equals(notification.path("eventType").asString(null)))
                    .toList();
        }

        assertThat(caseOpened).as("CaseOpened notifications of case %s after 30 s; last answer: %s", id, lastBody)
                .hasSize(1);
    }

    /** An administrator's reminder lead times travel from notification-service to case-service, which fires on them. */
    @Test
    void anOrganizationsOwnReminderDaysScheduleItsParoleReminders() throws InterruptedException {
        HttpResponse<String> current = send(get("/api/notification-preferences", ADMIN_A));
        assertThat(current.statusCode()).as(current.body()).isEqualTo(200);
        JsonNode original = json.readTree(current.body());
        var changed = json.createObjectNode();
        changed.set("eventTypes", original.get("eventTypes"));
        changed.set("channels", original.get("channels"));
        changed.set("reminderLeadTimes", json.readTree("""
                {"PAROLE_EXPIRY":[45,14]}"""));
        try {
            assertThat(write("PUT", "/api/notification-preferences", ADMIN_A, changed.toString()).statusCode()).isEqualTo(200);
            Thread.sleep(2_000); // case-service takes the settings from Kafka; no API shows when it has them
            String id = openCase(CASEWORKER_A);
            assertThat(write("POST", "/api/cases/" + id + "/parole-requests", CASEWORKER_A, """
                    {"filedOn":"2025-09-01","kind":"INITIAL","basis":"URGENT_HUMANITARIAN","urgency":"URGENT"}""")
                    .statusCode()).isEqualTo(200);
            assertThat(write("POST", "/api/cases/" + id + "/parole-grants", CASEWORKER_A, """
                    {"grantedOn":"%s","validUntil":"%s"}""".formatted(java.time.LocalDate.now().minusDays(345),
                    java.time.LocalDate.now().plusDays(20))).statusCode()).isEqualTo(200);

            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            List<JsonNode> expiring = List.of();
            while (expiring.isEmpty() && Instant.now().isBefore(deadline)) {
                Thread.sleep(500);
                expiring = items(json.readTree(send(get("/api/cases/" + id + "/history", CASEWORKER_A)).body())).stream()
                        .filter(event -> "ParoleExpiring".equals(event.path("type").asString(null)))
                        .toList();
            }
            // The rules' passed reminder would be the 30-day one; of the organization's days, 45 has passed.
            assertThat(expiring).as("ParoleExpiring of case %s within 60 s", id).singleElement()
                    .satisfies(event -> assertThat(event.path("payload").path("daysBefore").asInt()).isEqualTo(45));
        } finally {
            var restored = json.createObjectNode();
            restored.set("eventTypes", original.get("eventTypes"));
            restored.set("channels", original.get("channels"));
            restored.set("reminderLeadTimes", original.get("reminderLeadTimes"));
            write("PUT", "/api/notification-preferences", ADMIN_A, restored.toString());
        }
    }

    private static HttpResponse<String> write(String method, String path, String apiKey, String body) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("X-API-Key", apiKey)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(30))
                .build());
    }

    private static String openCase(String apiKey) {
        HttpResponse<String> created = send(HttpRequest.newBuilder(uri("/api/cases"))
                .header("X-API-Key", apiKey)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(OLENA))
                .timeout(Duration.ofSeconds(30))
                .build());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json.readTree(created.body()).path("id").asString(null);
        assertThat(id).as(created.body()).isNotBlank();
        return id;
    }

    /** The notifications of an answer that is a JSON array, or an object holding one (e.g. {@code items}). */
    private static List<JsonNode> items(JsonNode body) {
        if (body.isArray()) {
            return new ArrayList<>(body.values());
        }
        for (String field : List.of("items", "notifications", "content", "data")) {
            if (body.path(field).isArray()) {
                return new ArrayList<>(body.path(field).values());
            }
        }
        return List.of();
    }

    private static HttpRequest get(String path, String apiKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30))
                .GET();
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        return request.build();
    }

    private static URI uri(String path) {
        return stack.gatewayUrl().resolve(path);
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", e);
        }
    }
}
