package org.haven.notifications;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.haven.events.ReminderSettings;
import org.haven.events.Topics;
import org.haven.events.vocabulary.DeadlineType;
import org.haven.infra.TestInfrastructure;
import org.haven.support.identity.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PreferencesIntegrationTest extends NotificationServiceIntegrationTest {

    @Test
    void anOrganizationStartsWithEveryEventTypeBothChannelsAndTheRulesLeadTimes() {
        JsonNode preferences = admin(newOrganization()).get("/api/notification-preferences").hasStatus(200).json();

        assertThat(preferences.get("eventTypes").values()).extracting(JsonNode::asString)
                .contains("ParoleExpiring", "DepartureRecorded", "CaseOpened").hasSize(20);
        assertThat(preferences.get("channels").values()).extracting(JsonNode::asString).containsExactly("EMAIL", "WEBHOOK");
        assertThat(preferences.get("reminderLeadTimes").get("PAROLE_EXPIRY").values()).extracting(JsonNode::asInt)
                .containsExactly(90, 60, 30);
        assertThat(preferences.get("reminderLeadTimes").get("ASYLUM_ONE_YEAR").values()).extracting(JsonNode::asInt)
                .containsExactly(90, 30, 7);
        assertThat(preferences.get("updatedBy").isNull()).isTrue();
    }

    @Test
    void anAdminReplacesThePreferences() {
        Api admin = admin(newOrganization());

        JsonNode saved = admin.put("/api/notification-preferences", """
                {"eventTypes":["ParoleExpiring","DepartureRecorded"],"channels":["WEBHOOK"],
                 "reminderLeadTimes":{"PAROLE_EXPIRY":[30,120,60,60]}}""").hasStatus(200).json();

        assertThat(saved.get("eventTypes").values()).extracting(JsonNode::asString).containsExactly("ParoleExpiring", "DepartureRecorded");
        assertThat(saved.get("channels").values()).extracting(JsonNode::asString).containsExactly("WEBHOOK");
        assertThat(saved.get("reminderLeadTimes").get("PAROLE_EXPIRY").values()).extracting(JsonNode::asInt).containsExactly(120, 60, 30);
        assertThat(saved.get("updatedBy").asString()).isEqualTo("user:test-admin");
        assertThat(admin.get("/api/notification-preferences").json()).isEqualTo(saved);
    }

    @Test
    void changedLeadTimesArePublishedForCaseServiceKeyedByOrganization() {
        String org = newOrganization();
        JsonNode saved = admin(org).put("/api/notification-preferences", """
                {"eventTypes":["ParoleExpiring"],"channels":[],"reminderLeadTimes":{"PAROLE_EXPIRY":[14,45]}}""")
                .hasStatus(200).json();

        ReminderSettings published = await().atMost(Duration.ofSeconds(20)).until(() -> reminderSettingsOf(org), Objects::nonNull);
        assertThat(published.reminderDaysBefore()).isEqualTo(Map.of(DeadlineType.PAROLE_EXPIRY, List.of(45, 14)));
        assertThat(published.updatedAt()).isEqualTo(Instant.parse(saved.get("updatedAt").asString()));
    }

    /** The latest record of the organization on the reminder-settings topic, read from its start; null if none. */
    private static ReminderSettings reminderSettingsOf(String organization) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        try (var consumer = new KafkaConsumer<String, String>(config)) {
            TopicPartition partition = new TopicPartition(Topics.REMINDER_SETTINGS, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            ReminderSettings latest = null;
            while (consumer.position(partition) < end) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    if (organization.equals(record.key())) {
                        latest = JsonMapper.builder().build().readValue(record.value(), ReminderSettings.class);
                    }
                }
            }
            return latest;
        }
    }

    @Test
    void onlyAdminsReadOrChangePreferences() {
        String org = newOrganization();
        for (Role role : List.of(Role.CASEWORKER, Role.INTAKE, Role.AUDITOR)) {
            api(org, "user:someone", role).get("/api/notification-preferences").hasStatus(403).isProblem();
            api(org, "user:someone", role).put("/api/notification-preferences", "{}").hasStatus(403).isProblem();
        }
    }

    @Test
    void badPreferencesAreBadRequestsNamingTheField() {
        Api admin = admin(newOrganization());
        admin.put("/api/notification-preferences", """
                {"channels":["EMAIL"],"reminderLeadTimes":{}}""").isBadRequestNaming("eventTypes");
        admin.put("/api/notification-preferences", """
                {"eventTypes":["ParoleExpiring","Nope"],"channels":["EMAIL"],"reminderLeadTimes":{}}""")
                .isBadRequestNaming("eventTypes[1]");
        admin.put("/api/notification-preferences", """
                {"eventTypes":[],"channels":["IN_APP"],"reminderLeadTimes":{}}""").isBadRequestNaming("channels[0]");
        admin.put("/api/notification-preferences", """
                {"eventTypes":[],"channels":"EMAIL","reminderLeadTimes":{}}""").isBadRequestNaming("channels");
        admin.put("/api/notification-preferences", """
                {"eventTypes":[],"channels":[],"reminderLeadTimes":{"PAROLE_EXPIRY":[90,0]}}""")
                .isBadRequestNaming("reminderLeadTimes.PAROLE_EXPIRY[1]");
        admin.put("/api/notification-preferences", """
                {"eventTypes":[],"channels":[],"reminderLeadTimes":{"PAROLE_EXPIRY":[]}}""")
                .isBadRequestNaming("reminderLeadTimes[PAROLE_EXPIRY]");
        admin.put("/api/notification-preferences", """
                {"eventTypes":[],"channels":[],"reminderLeadTimes":{"SOMEDAY":[30]}}""").hasStatus(400).isProblem();
        admin.put("/api/notification-preferences", """
                {"eventTypes":[],"channels":[]}""").isBadRequestNaming("reminderLeadTimes");
    }

    @Test
    void anEventTypeTheOrganizationSwitchedOffGivesNoNotification() {
        String org = newOrganization();
        admin(org).put("/api/notification-preferences", """
                {"eventTypes":["ParoleGranted"],"channels":["EMAIL","WEBHOOK"],"reminderLeadTimes":{}}""").hasStatus(200);
        Events kase = Events.newCase(org);
        topic.publish(kase.opened(null, "en"));
        topic.awaitConsumed(GROUP, topic.publish(kase.paroleGranted()));

        assertThat(caseworker(org).get("/api/notifications?caseId=" + kase.caseId()).json().findValues("eventType"))
                .extracting(JsonNode::asString).containsExactly("ParoleGranted");
    }

    @Test
    void aChannelTheOrganizationSwitchedOffIsNotUsed() {
        String org = newOrganization();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            admin(org).post("/api/webhooks", """
                    {"url":"%s","eventTypes":["ParoleGranted"]}""".formatted(receiver.url("/hook"))).hasStatus(201);
            admin(org).put("/api/notification-preferences", """
                    {"eventTypes":["ParoleGranted"],"channels":["EMAIL"],"reminderLeadTimes":{}}""").hasStatus(200);
            Events kase = Events.newCase(org);

            topic.awaitConsumed(GROUP, topic.publish(kase.paroleGranted()));

            assertThat(caseworker(org).get("/api/notifications?caseId=" + kase.caseId()).json().findValues("channel"))
                    .extracting(JsonNode::asString).containsOnly("IN_APP");
            assertThat(receiver.received()).isEmpty();
        }
    }
}
