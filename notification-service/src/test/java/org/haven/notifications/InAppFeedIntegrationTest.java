package org.haven.notifications;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.haven.events.CaseEventEnvelope;
import org.haven.events.Assessment;
import org.haven.events.CaseEventPayload.CaseOpened;
import org.haven.events.CaseEventPayload.EligibilityAssessed;
import org.haven.events.CaseEventPayload.NoteAdded;
import org.haven.support.identity.Role;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The feed end to end on a real Kafka broker and a real PostgreSQL: message in, notification out over HTTP and SSE. */
class InAppFeedIntegrationTest extends NotificationServiceIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void caseOpenedBecomesOneDeliveredInAppNotificationForTheCasesOrganization() {
        String org = newOrganization();
        Events kase = Events.newCase(org);
        CaseEventEnvelope<CaseOpened> opened = kase.opened(null, "es");

        topic.publish(opened);

        JsonNode feed = awaitNotifications(kase.caseId(), org, 1);
        assertThat(feed).hasSize(1);
        JsonNode notification = feed.get(0);
        assertThat(notification.get("id").asString()).isNotBlank();
        assertThat(notification.get("caseId").asString()).isEqualTo(kase.caseId().toString());
        assertThat(notification.get("eventId").asString()).isEqualTo(opened.eventId().toString());
        assertThat(notification.get("eventType").asString()).isEqualTo("CaseOpened");
        assertThat(notification.get("kind").asString()).isEqualTo("UPDATE");
        assertThat(notification.get("message").asString()).isEqualTo("Case " + kase.caseRef() + " opened.");
        assertThat(notification.get("nextStep").asString()).isEqualTo("Review the new case and its intake details.");
        assertThat(notification.get("language").asString()).isEqualTo("en");
        assertThat(notification.get("clientLanguage").asString()).isEqualTo("es");
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
        String org = newOrganization();
        Events kase = Events.newCase(org);
        CaseEventEnvelope<CaseOpened> opened = kase.opened(null, "en");
        topic.publish(opened);
        awaitNotifications(kase.caseId(), org, 1);

        RecordMetadata redelivery = topic.publish(opened);
        topic.awaitConsumed(GROUP, redelivery);

        assertThat(notifications(kase.caseId(), org)).hasSize(1);
    }

    @Test
    void eventsThatNeitherNotifyNorChangeTheCaseFileAreNotClaimed() {
        String org = newOrganization();
        Events kase = Events.newCase(org);
        CaseEventEnvelope<CaseOpened> opened = kase.opened(null, "en");
        var note = kase.next(new NoteAdded(UUID.randomUUID()));
        var assessed = kase.next(new EligibilityAssessed(new Assessment(LocalDate.parse("2026-11-28"), "2026.11.1",
                List.of(), List.of(), List.of())));
        var noteWithoutHeaders = kase.next(new NoteAdded(UUID.randomUUID()));
        var granted = kase.paroleGranted();
        topic.publish(opened);
        topic.publish(note);                                                                   // passed over by its header
        topic.publish(assessed);
        topic.publishWithoutHeaders(noteWithoutHeaders);                                      // read, then left
        topic.awaitConsumed(GROUP, topic.publish(granted));

        assertThat(notifications(kase.caseId(), org).findValues("eventType")).extracting(JsonNode::asString)
                .containsExactly("ParoleGranted", "CaseOpened");
        assertThat(jdbc.sql("select event_id from processed_event where event_id in (?, ?, ?, ?, ?)")
                .params(opened.eventId(), note.eventId(), assessed.eventId(), noteWithoutHeaders.eventId(), granted.eventId())
                .query(UUID.class).list())
                .containsExactlyInAnyOrder(opened.eventId(), granted.eventId());
    }

    @Test
    void anotherOrganizationSeesNoneOfTheCasesNotificationsAndCannotMarkThemRead() {
        String org = newOrganization();
        Events kase = Events.newCase(org);
        topic.publish(kase.opened(null, "en"));
        String id = awaitNotifications(kase.caseId(), org, 1).get(0).get("id").asString();

        assertThat(notifications(kase.caseId(), "org-b")).isEmpty();
        assertThat(notifications(null, "org-b").findValues("caseId"))
                .noneMatch(caseId -> caseId.asString().equals(kase.caseId().toString()));
        caseworker("org-b").post("/api/notifications/" + id + "/read", null).hasStatus(404).isProblem();
    }

    @Test
    void theFeedIsNewestFirstAndSpeaksTheReadersLanguage() {
        String org = newOrganization();
        Events kase = Events.newCase(org);
        topic.publish(kase.opened(null, "en"));
        topic.publish(kase.paroleGranted());
        awaitNotifications(kase.caseId(), org, 2);

        JsonNode feed = caseworker(org).acceptingLanguage("es-MX,es;q=0.9").get("/api/notifications?caseId=" + kase.caseId())
                .hasStatus(200).json();

        assertThat(feed.findValues("eventType")).extracting(JsonNode::asString).containsExactly("ParoleGranted", "CaseOpened");
        assertThat(feed.get(0).get("language").asString()).isEqualTo("es");
        assertThat(feed.get(0).get("message").asString()).isEqualTo("Se concedió el parole del caso " + kase.caseRef()
                + " el 1 de noviembre de 2025, válido hasta el 31 de octubre de 2026.");
    }

    @Test
    void aNotificationMarkedReadIsReadForThatReaderOnly() {
        String org = newOrganization();
        Events kase = Events.newCase(org);
        topic.publish(kase.opened(null, "en"));
        topic.publish(kase.paroleGranted());
        JsonNode feed = awaitNotifications(kase.caseId(), org, 2);
        String paroleGranted = feed.get(0).get("id").asString();
        Api reader = api(org, "user:reader", Role.CASEWORKER);
        Api colleague = api(org, "user:colleague", Role.CASEWORKER);

        reader.post("/api/notifications/" + paroleGranted + "/read", null).hasStatus(204);
        reader.post("/api/notifications/" + paroleGranted + "/read", null).hasStatus(204);

        assertThat(reader.get("/api/notifications?unread=true&caseId=" + kase.caseId()).json().findValues("eventType"))
                .extracting(JsonNode::asString).containsExactly("CaseOpened");
        assertThat(reader.get("/api/notifications?unread=false&caseId=" + kase.caseId()).json().findValues("id"))
                .extracting(JsonNode::asString).containsExactly(paroleGranted);
        assertThat(colleague.get("/api/notifications?unread=true&caseId=" + kase.caseId()).json()).hasSize(2);
    }

    @Test
    void mineIsTheNotificationsOfCasesAssignedToTheReader() {
        String org = newOrganization();
        Events theirs = Events.newCase(org);
        Events mine = Events.newCase(org);
        topic.publish(theirs.opened("user:someone-else", "en"));
        topic.publish(mine.opened("user:me", "en"));
        awaitNotifications(mine.caseId(), org, 1);
        awaitNotifications(theirs.caseId(), org, 1);

        JsonNode feed = api(org, "user:me", Role.CASEWORKER).get("/api/notifications?mine=true").json();

        assertThat(feed.findValues("caseId")).extracting(JsonNode::asString).containsExactly(mine.caseId().toString());
        assertThat(feed.get(0).get("recipient").asString()).isEqualTo("user:me");
    }

    @Test
    void theStreamPushesTheOrganizationsNewNotificationsAndNoOneElses() throws Exception {
        String org = newOrganization();
        List<String> ours = new CopyOnWriteArrayList<>();
        List<String> theirs = new CopyOnWriteArrayList<>();
        CompletableFuture<?> ourStream = stream(caseworker(org), ours);
        CompletableFuture<?> theirStream = stream(caseworker(newOrganization()), theirs);
        Events kase = Events.newCase(org);

        topic.publish(kase.opened(null, "en"));

        await().atMost(Duration.ofSeconds(30)).until(() -> ours.stream().anyMatch(line -> line.contains(kase.caseId().toString())));
        assertThat(ours).contains("event:notification");
        String data = ours.stream().filter(line -> line.startsWith("data:") && line.contains(kase.caseId().toString()))
                .findFirst().orElseThrow();
        JsonNode pushed = Api.JSON.readTree(data.substring("data:".length()));
        assertThat(pushed.get("eventType").asString()).isEqualTo("CaseOpened");
        assertThat(pushed.get("message").asString()).isEqualTo("Case " + kase.caseRef() + " opened.");
        TimeUnit.MILLISECONDS.sleep(500);
        assertThat(theirs).noneMatch(line -> line.contains(kase.caseId().toString()));
        ourStream.cancel(true);
        theirStream.cancel(true);
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
        String org = newOrganization();
        Events kase = Events.newCase(org);
        topic.publishRaw(kase.caseId().toString(), "this is not a case event");

        topic.publish(kase.opened(null, "en"));

        assertThat(awaitNotifications(kase.caseId(), org, 1)).hasSize(1);
    }

    @Test
    void requestWithoutIdentityTokenIsUnauthorized() throws Exception {
        HttpResponse<String> response = Api.http().send(HttpRequest.newBuilder(caseworker("org-a").uri("/api/notifications"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void badQueryParametersAreBadRequestsNamingTheParameter() {
        Api api = caseworker("org-a");
        api.get("/api/notifications?caseId=not-a-uuid").isBadRequestNaming("caseId");
        api.get("/api/notifications?unread=perhaps").isBadRequestNaming("unread");
        api.get("/api/notifications?mine=2").isBadRequestNaming("mine");
        api.get("/api/notifications?limit=0").isBadRequestNaming("limit");
        api.get("/api/notifications?limit=501").isBadRequestNaming("limit");
        api.post("/api/notifications/not-a-uuid/read", null).isBadRequestNaming("id");
        api.get("/api/notifications/stream?mine=perhaps").isBadRequestNaming("mine");
    }

    @Test
    void markingReadANotificationThatDoesNotExistIsNotFound() {
        caseworker("org-a").post("/api/notifications/" + UUID.randomUUID() + "/read", null).hasStatus(404).isProblem();
    }

    private CompletableFuture<?> stream(Api api, List<String> lines) throws Exception {
        HttpRequest request = api.request("/api/notifications/stream").header("Accept", "text/event-stream").GET().build();
        HttpResponse<InputStream> response = Api.http().send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        return CompletableFuture.runAsync(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    lines.add(line.replace("event: ", "event:").replace("data: ", "data:"));
                }
            } catch (java.io.IOException e) {
                // stream closed
            }
        });
    }

    private JsonNode awaitNotifications(UUID caseId, String organizationId, int atLeast) {
        return eventually(() -> notifications(caseId, organizationId), feed -> feed.size() >= atLeast);
    }

    private JsonNode notifications(@Nullable UUID caseId, String organizationId) {
        Api.Response response = caseworker(organizationId).get("/api/notifications" + (caseId == null ? "" : "?caseId=" + caseId));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode feed = response.json();
        assertThat(feed.isArray()).isTrue();
        return feed;
    }
}
