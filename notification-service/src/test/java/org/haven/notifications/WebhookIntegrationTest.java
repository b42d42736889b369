package org.haven.notifications;

import org.haven.support.identity.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Webhooks against real HTTP receivers on 127.0.0.1 (the local profile allows loopback receivers). */
class WebhookIntegrationTest extends NotificationServiceIntegrationTest {

    private final WebhookReceiver receiver = new WebhookReceiver();

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void registeringAnswersTheSubscriptionWithItsSecretThisOnceOnly() {
        String org = newOrganization();

        Api.Response created = admin(org).post("/api/webhooks", """
                {"url":"%s","eventTypes":["ParoleExpiring","ParoleGranted","ParoleExpiring"]}""".formatted(receiver.url("/hook")))
                .hasStatus(201);

        JsonNode body = created.json();
        String id = body.get("id").asString();
        assertThat(created.location()).endsWith("/api/webhooks/" + id);
        assertThat(body.get("url").asString()).isEqualTo(receiver.url("/hook"));
        assertThat(body.get("eventTypes").values()).extracting(JsonNode::asString).containsExactly("ParoleExpiring", "ParoleGranted");
        assertThat(body.get("secret").asString()).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(body.get("secret").asString().substring(6)).length).isGreaterThanOrEqualTo(24);
        assertThat(body.get("createdAt").asString()).isNotBlank();

        JsonNode listed = admin(org).get("/api/webhooks").hasStatus(200).json();
        assertThat(listed.findValues("id")).extracting(JsonNode::asString).containsExactly(id);
        assertThat(listed.get(0).has("secret")).isFalse();
        JsonNode one = admin(org).get("/api/webhooks/" + id).hasStatus(200).json();
        assertThat(one.get("url").asString()).isEqualTo(receiver.url("/hook"));
        assertThat(one.has("secret")).isFalse();
    }

    @Test
    void aDeliveryIsSignedPerStandardWebhooksAndCarriesNoPii() {
        String org = newOrganization();
        String secret = register(org, receiver.url("/hook"), "ParoleExpiring").get("secret").asString();
        Events kase = Events.newCase(org);
        topic.publish(kase.opened(null, "es"));
        var expiring = kase.paroleExpiring(90);
        topic.publish(expiring);

        WebhookReceiver.Received received = eventually(() -> receiver.receivedFor(kase.caseId().toString()), got -> !got.isEmpty()).getFirst();

        assertThat(received.webhookId()).startsWith("msg_");
        assertThat(Long.parseLong(received.timestamp())).isCloseTo(Instant.now().getEpochSecond(), within(60L));
        assertThat(StandardWebhooks.verifies(secret, received.webhookId(), received.timestamp(), received.body(),
                received.signature())).isTrue();
        assertThat(StandardWebhooks.verifies(secret, received.webhookId(), received.timestamp(), received.body() + " ",
                received.signature())).isFalse();
        assertThat(received.host()).isEqualTo("127.0.0.1:" + receiver.port());
        assertThat(received.userAgent()).startsWith("Haven-Webhooks/");
        JsonNode body = Api.JSON.readTree(received.body());
        assertThat(body.get("type").asString()).isEqualTo("ParoleExpiring");
        assertThat(body.get("timestamp").asString()).isEqualTo(expiring.occurredAt().toString());
        JsonNode data = body.get("data");
        assertThat(data.get("eventId").asString()).isEqualTo(expiring.eventId().toString());
        assertThat(data.get("caseId").asString()).isEqualTo(kase.caseId().toString());
        assertThat(data.get("eventType").asString()).isEqualTo("ParoleExpiring");
        assertThat(data.get("kind").asString()).isEqualTo("URGENT_REMINDER");
        assertThat(data.get("ruleId").asString()).isEqualTo("PAROLE-EXPIRING");
        assertThat(data.get("dueOn").asString()).isEqualTo("2026-10-31");
        assertThat(data.get("daysBefore").asInt()).isEqualTo(90);
        assertThat(data.get("nextStep").asString()).isEqualTo("file-reparole");
        assertThat(received.body()).doesNotContain("1990-05-01").doesNotContain("\"UA\"");
        // The CaseOpened event was not subscribed to.
        assertThat(receiver.receivedFor(kase.caseId().toString())).hasSize(1);
    }

    @Test
    void aReceiverThatFailsWith500IsRetriedWithTheSameWebhookIdUntilItTakesTheDelivery() {
        String org = newOrganization();
        String secret = register(org, receiver.url("/hook"), "ParoleGranted").get("secret").asString();
        receiver.answering(500, 429, 200);
        Events kase = Events.newCase(org);

        topic.publish(kase.paroleGranted());

        List<WebhookReceiver.Received> attempts = eventually(() -> receiver.receivedFor(kase.caseId().toString()), got -> got.size() == 3);
        assertThat(attempts).extracting(WebhookReceiver.Received::webhookId).containsOnly(attempts.getFirst().webhookId());
        assertThat(attempts).allMatch(attempt -> StandardWebhooks.verifies(secret, attempt.webhookId(), attempt.timestamp(),
                attempt.body(), attempt.signature()));
        assertThat(Duration.between(attempts.get(0).at(), attempts.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(40));
        JsonNode webhook = eventually(() -> delivery(org, kase, "WEBHOOK"), found -> found.get("status").asString().equals("DELIVERED"));
        assertThat(webhook.get("attempts").asInt()).isEqualTo(3);
    }

    @Test
    void aReceiverThatDoesNotAnswerInTimeIsRetried() {
        String org = newOrganization();
        register(org, receiver.url("/hook"), "ParoleGranted");
        receiver.answeringAfter(Duration.ofMillis(2_500), 200);
        Events kase = Events.newCase(org);

        topic.publish(kase.paroleGranted());

        List<WebhookReceiver.Received> attempts = eventually(() -> receiver.receivedFor(kase.caseId().toString()), got -> got.size() == 2);
        assertThat(attempts.get(1).webhookId()).isEqualTo(attempts.get(0).webhookId());
        assertThat(eventually(() -> delivery(org, kase, "WEBHOOK"), found -> found.get("status").asString().equals("DELIVERED"))
                .get("attempts").asInt()).isEqualTo(2);
    }

    @Test
    void aClientErrorIsFinalAndDeadLettered() throws Exception {
        String org = newOrganization();
        register(org, receiver.url("/hook"), "ParoleGranted");
        receiver.answering(410);
        Events kase = Events.newCase(org);

        topic.publish(kase.paroleGranted());

        JsonNode webhook = eventually(() -> delivery(org, kase, "WEBHOOK"), found -> found.get("status").asString().equals("FAILED"));
        assertThat(webhook.get("attempts").asInt()).isEqualTo(1);
        assertThat(webhook.get("lastError").asString()).isEqualTo("HTTP 410");
        Thread.sleep(600);
        assertThat(receiver.receivedFor(kase.caseId().toString())).hasSize(1);
        assertThat(admin(org).get("/api/webhooks/dead-letters").json().findValues("caseId"))
                .extracting(JsonNode::asString).containsExactly(kase.caseId().toString());
    }

    @Test
    void aReceiverThatKeepsFailingIsGivenUpAfterTheRetryWindowAndCanBeRedeliveredUnderTheSameId() {
        String org = newOrganization();
        String subscription = register(org, receiver.url("/hook"), "ParoleGranted").get("id").asString();
        receiver.alwaysAnswering(503);
        Events kase = Events.newCase(org);

        topic.publish(kase.paroleGranted());

        JsonNode deadLetter = eventually(() -> admin(org).get("/api/webhooks/dead-letters").json(), list -> list.size() == 1).get(0);
        List<WebhookReceiver.Received> attempts = receiver.receivedFor(kase.caseId().toString());
        assertThat(attempts.size()).isGreaterThan(2);
        assertThat(Duration.between(attempts.getFirst().at(), attempts.getLast().at())).isLessThanOrEqualTo(Duration.ofSeconds(4));
        assertThat(deadLetter.get("subscriptionId").asString()).isEqualTo(subscription);
        assertThat(deadLetter.get("webhookId").asString()).isEqualTo(attempts.getFirst().webhookId());
        assertThat(deadLetter.get("eventType").asString()).isEqualTo("ParoleGranted");
        assertThat(deadLetter.get("attempts").asInt()).isEqualTo(attempts.size());
        assertThat(deadLetter.get("lastError").asString()).isEqualTo("Gave up retrying: HTTP 503");

        receiver.answerNormally();
        Api.Response redelivery = admin(org).post("/api/webhooks/dead-letters/" + deadLetter.get("id").asString() + "/redeliveries", null)
                .hasStatus(202);

        assertThat(redelivery.json().get("webhookId").asString()).isEqualTo(attempts.getFirst().webhookId());
        eventually(() -> delivery(org, kase, "WEBHOOK"), found -> found.get("status").asString().equals("DELIVERED"));
        assertThat(receiver.receivedFor(kase.caseId().toString()).getLast().webhookId()).isEqualTo(attempts.getFirst().webhookId());
        assertThat(admin(org).get("/api/webhooks/dead-letters").json()).isEmpty();
        admin(org).post("/api/webhooks/dead-letters/" + deadLetter.get("id").asString() + "/redeliveries", null)
                .hasStatus(404).isProblem();
    }

    @Test
    void aHostThatRebindsToAPrivateAddressAfterRegistrationIsRefusedAtSendTime() throws Exception {
        String org = newOrganization();
        TestDns.answer("rebinding.test", "127.0.0.1", "10.0.0.1");
        register(org, "http://rebinding.test:" + receiver.port() + "/hook", "ParoleGranted");
        Events kase = Events.newCase(org);

        topic.publish(kase.paroleGranted());

        JsonNode webhook = eventually(() -> delivery(org, kase, "WEBHOOK"), found -> found.get("status").asString().equals("FAILED"));
        assertThat(webhook.get("lastError").asString())
                .isEqualTo("Refused: the URL must not point to a private address (rebinding.test is 10.0.0.1)");
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void urlsToPrivateLinkLocalMetadataOrPlainHttpAddressesAreRefusedAtRegistration() {
        TestDns.answer("internal.test", "10.1.2.3");
        Api admin = admin(newOrganization());
        for (String url : List.of("http://10.0.0.1/hook", "https://10.0.0.1/hook", "https://169.254.169.254/latest/meta-data/",
                "https://internal.test/hook", "https://[fd00::1]/hook", "https://100.64.1.1/", "http://example.com/hook",
                "https://unknown-host.test/hook", "not a url", "ftp://example.com/")) {
            admin.post("/api/webhooks", """
                    {"url":"%s","eventTypes":["ParoleExpiring"]}""".formatted(url)).isBadRequestNaming("url");
        }
        assertThat(admin.get("/api/webhooks").json()).isEmpty();
    }

    @Test
    void badRegistrationsAreBadRequestsNamingTheField() {
        Api admin = admin(newOrganization());
        String url = receiver.url("/hook");
        admin.post("/api/webhooks", """
                {"eventTypes":["ParoleExpiring"]}""").isBadRequestNaming("url");
        admin.post("/api/webhooks", """
                {"url":"%s"}""".formatted(url)).isBadRequestNaming("eventTypes");
        admin.post("/api/webhooks", """
                {"url":"%s","eventTypes":[]}""".formatted(url)).isBadRequestNaming("eventTypes");
        admin.post("/api/webhooks", """
                {"url":"%s","eventTypes":["ParoleExpiring","NoteAdded"]}""".formatted(url)).isBadRequestNaming("eventTypes[1]");
        admin.post("/api/webhooks", """
                {"url":"%s","eventTypes":"ParoleExpiring"}""".formatted(url)).isBadRequestNaming("eventTypes");
        admin.post("/api/webhooks", """
                {"url":"%s","eventTypes":["ParoleExpiring"]}""".formatted(url + "/" + "x".repeat(2100))).isBadRequestNaming("url");
        admin.post("/api/webhooks", "{").hasStatus(400).isProblem();
        admin.get("/api/webhooks/not-a-uuid").isBadRequestNaming("id");
        admin.delete("/api/webhooks/not-a-uuid").isBadRequestNaming("id");
        admin.post("/api/webhooks/dead-letters/not-a-uuid/redeliveries", null).isBadRequestNaming("id");
        admin.get("/api/webhooks/dead-letters?limit=0").isBadRequestNaming("limit");
    }

    @Test
    void onlyAdminsManageWebhooksWhateverTheyAsk() {
        String org = newOrganization();
        String id = register(org, receiver.url("/hook"), "ParoleGranted").get("id").asString();
        for (Role role : List.of(Role.CASEWORKER, Role.INTAKE, Role.AUDITOR)) {
            Api notAdmin = api(org, "user:someone", role);
            notAdmin.get("/api/webhooks").hasStatus(403).isProblem();
            notAdmin.get("/api/webhooks/" + id).hasStatus(403).isProblem();
            notAdmin.delete("/api/webhooks/" + id).hasStatus(403).isProblem();
            notAdmin.post("/api/webhooks", "{\"url\":\"nonsense\"}").hasStatus(403).isProblem();
            notAdmin.get("/api/webhooks/dead-letters").hasStatus(403).isProblem();
            notAdmin.post("/api/webhooks/dead-letters/" + UUID.randomUUID() + "/redeliveries", null).hasStatus(403).isProblem();
        }
        admin(org).get("/api/webhooks/" + id).hasStatus(200);
    }

    @Test
    void anotherOrganizationNeverSeesOrTouchesTheSubscriptionOrItsDeadLetters() {
        String org = newOrganization();
        String id = register(org, receiver.url("/hook"), "ParoleGranted").get("id").asString();
        receiver.answering(400);
        Events kase = Events.newCase(org);
        topic.publish(kase.paroleGranted());
        String deadLetter = eventually(() -> admin(org).get("/api/webhooks/dead-letters").json(), list -> list.size() == 1)
                .get(0).get("id").asString();
        Api other = admin(newOrganization());

        other.get("/api/webhooks/" + id).hasStatus(404).isProblem();
        other.delete("/api/webhooks/" + id).hasStatus(404).isProblem();
        assertThat(other.get("/api/webhooks").json()).isEmpty();
        assertThat(other.get("/api/webhooks/dead-letters").json()).isEmpty();
        other.post("/api/webhooks/dead-letters/" + deadLetter + "/redeliveries", null).hasStatus(404).isProblem();
        admin(org).get("/api/webhooks/" + id).hasStatus(200);
    }

    @Test
    void deletingASubscriptionStopsItsDeliveries() {
        String org = newOrganization();
        String id = register(org, receiver.url("/hook"), "ParoleGranted").get("id").asString();

        admin(org).delete("/api/webhooks/" + id).hasStatus(204);

        admin(org).get("/api/webhooks/" + id).hasStatus(404).isProblem();
        admin(org).delete("/api/webhooks/" + id).hasStatus(404).isProblem();
        Events kase = Events.newCase(org);
        topic.awaitConsumed(GROUP, topic.publish(kase.paroleGranted()));
        assertThat(caseworker(org).get("/api/notifications?caseId=" + kase.caseId()).json().findValues("channel"))
                .extracting(JsonNode::asString).containsOnly("IN_APP");
    }

    private JsonNode register(String org, String url, String... eventTypes) {
        return admin(org).post("/api/webhooks", Api.JSON.writeValueAsString(java.util.Map.of("url", url,
                "eventTypes", List.of(eventTypes)))).hasStatus(201).json();
    }

    private JsonNode delivery(String org, Events kase, String channel) {
        return caseworker(org).get("/api/notifications?caseId=" + kase.caseId()).json().findParents("channel").stream()
                .filter(delivery -> delivery.get("channel").asString().equals(channel))
                .findFirst().orElse(Api.JSON.readTree("{\"status\":\"NONE\"}"));
    }
}
