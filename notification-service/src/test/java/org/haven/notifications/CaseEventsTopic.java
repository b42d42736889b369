package org.haven.notifications;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.haven.events.CaseEventEnvelope;
import org.haven.events.EventHeaders;
import org.haven.events.Topics;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import static org.awaitility.Awaitility.await;

/** The real case-events topic as case-service's relay writes it: same key, value and headers. */
final class CaseEventsTopic implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String bootstrapServers;
    private final KafkaProducer<String, String> producer;

    CaseEventsTopic(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    /** What case-service does at start-up; the broker does not auto-create topics. */
    static void create(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(Topics.CASE_EVENTS, Topics.PARTITIONS, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException(e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    RecordMetadata publish(CaseEventEnvelope<?> event) {
        return publish(event.caseId().toString(), JSON.writeValueAsString(event), headersOf(event));
    }

    /** The event as a producer that sets no headers would send it. */
    RecordMetadata publishWithoutHeaders(CaseEventEnvelope<?> event) {
        return publish(event.caseId().toString(), JSON.writeValueAsString(event), new RecordHeaders());
    }

    RecordMetadata publishRaw(String key, String value) {
        return publish(key, value, new RecordHeaders());
    }

    private RecordMetadata publish(String key, String value, RecordHeaders headers) {
        try {
            return producer.send(new ProducerRecord<>(Topics.CASE_EVENTS, null, key, value, headers)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RecordHeaders headersOf(CaseEventEnvelope<?> event) {
        RecordHeaders headers = new RecordHeaders();
        Map.ofEntries(
                Map.entry(EventHeaders.EVENT_ID, event.eventId().toString()),
                Map.entry(EventHeaders.EVENT_TYPE, event.type()),
                Map.entry(EventHeaders.CASE_ID, event.caseId().toString()),
                Map.entry(EventHeaders.ORGANIZATION_ID, event.organizationId()),
                Map.entry(EventHeaders.SEQUENCE, Long.toString(event.sequence())),
                Map.entry(EventHeaders.OCCURRED_AT, event.occurredAt().toString()),
                Map.entry(EventHeaders.TRACEPARENT, "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"),
                Map.entry(EventHeaders.CE_ID, event.eventId().toString()),
                Map.entry(EventHeaders.CE_TYPE, EventHeaders.CE_TYPE_PREFIX + event.type()),
                Map.entry(EventHeaders.CE_SOURCE, "/haven/case-service"),
                Map.entry(EventHeaders.CE_SPECVERSION, EventHeaders.CE_SPECVERSION_VALUE),
                Map.entry(EventHeaders.CE_TIME, event.occurredAt().toString()),
                Map.entry(EventHeaders.CE_SUBJECT, event.caseId().toString()),
                Map.entry("content-type", "application/json"))
                .forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        return headers;
    }

    /** Waits until the consumer group has committed past this message, i.e. handled it and its transaction committed. */
    void awaitConsumed(String groupId, RecordMetadata message) {
        TopicPartition partition = new TopicPartition(message.topic(), message.partition());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets(groupId)
                        .partitionsToOffsetAndMetadata().get().get(partition);
                return committed != null && committed.offset() > message.offset();
            });
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
