package org.haven.cases;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.haven.events.Assessment;
import org.haven.events.CaseEventEnvelope;
import org.haven.events.CaseEventPayload;
import org.haven.events.ReminderSettings;
import org.haven.events.Topics;
import org.haven.events.vocabulary.DeadlineType;
import org.haven.infra.TestInfrastructure;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Publishes {@code EligibilityAssessed} as eligibility-service would, for tests of the deadline path. */
public final class EligibilityTopic {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EligibilityTopic() {
    }

    public static CaseEventEnvelope<CaseEventPayload.EligibilityAssessed> assessment(UUID caseId, String organizationId, Assessment assessment) {
        return new CaseEventEnvelope<>(UUID.randomUUID(), "EligibilityAssessed", caseId, organizationId, 0, Instant.now(),
                new CaseEventPayload.EligibilityAssessed(assessment));
    }

    public static Assessment paroleEndingOn(LocalDate validUntil) {
        return new Assessment(LocalDate.now(), "test", List.of(),
                List.of(new Assessment.Deadline(DeadlineType.PAROLE_EXPIRY, validUntil, "PAROLE-EXPIRING",
                        "INA 212(d)(5)(A); 8 CFR 212.5", List.of(90, 60, 30))),
                List.of());
    }

    public static void publish(CaseEventEnvelope<?> envelope) {
        publishRaw(List.of(Map.entry(envelope.caseId().toString(), JSON.writeValueAsString(envelope))));
    }

    /** In one go, in this order: as likely as not to reach the listener in one poll. */
    public static void publishAll(List<? extends CaseEventEnvelope<?>> envelopes) {
        publishRaw(envelopes.stream().map(envelope -> Map.entry(envelope.caseId().toString(), JSON.writeValueAsString(envelope))).toList());
    }

    /** As notification-service publishes an organization's reminder lead times (creating the topic if need be). */
    public static void publishReminderSettings(ReminderSettings settings) {
        ensureTopic(Topics.REMINDER_SETTINGS, 1);
        publishRaw(Topics.REMINDER_SETTINGS, List.of(Map.entry(settings.organizationId(), JSON.writeValueAsString(settings))));
    }

    /** Keys and values as given, sent together and then awaited. */
    public static void publishRaw(List<Map.Entry<String, String>> keysAndValues) {
        publishRaw(Topics.ELIGIBILITY_EVENTS, keysAndValues);
    }

    private static void publishRaw(String topic, List<Map.Entry<String, String>> keysAndValues) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 50);
        try (var producer = new KafkaProducer<String, String>(config)) {
            var sent = keysAndValues.stream()
                    .map(keyAndValue -> producer.send(new ProducerRecord<>(topic, keyAndValue.getKey(), keyAndValue.getValue())))
                    .toList();
            for (var one : sent) {
                one.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to " + topic, e);
        }
    }

    /** The topic is eligibility-service's; tests create it themselves. */
    public static void ensureTopic() {
        ensureTopic(Topics.ELIGIBILITY_EVENTS, Topics.PARTITIONS);
    }

    private static void ensureTopic(String topic, int partitions) {
        try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.of("bootstrap.servers", TestInfrastructure.shared().bootstrapServers()))) {
            if (!admin.listTopics().names().get().contains(topic)) {
                admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(topic, partitions, (short) 1))).all().get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                throw new IllegalStateException(e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
