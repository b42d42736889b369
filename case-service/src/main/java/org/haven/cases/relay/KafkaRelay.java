package org.haven.cases.relay;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.haven.cases.config.AxonConfiguration;
import org.haven.events.CaseEventEnvelope;
import org.haven.events.CaseEventPayload;
import org.haven.events.EventHeaders;
import org.haven.events.Topics;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The event store is the outbox: this tracking processor sends every case event to Kafka, keyed by case id.
 * Sends of one batch go out together; the batch's token is committed only after Kafka acknowledged all of
 * them ({@code acks=all}, idempotent producer). A crash loses nothing and at worst sends an event again;
 * consumers dedupe by event id.
 */
@Component
@ProcessingGroup(KafkaRelay.PROCESSING_GROUP)
class KafkaRelay {

    static final String PROCESSING_GROUP = "kafka-relay";
    private static final String PENDING_ACKS = KafkaRelay.class.getName() + ".pendingAcks";

    private final KafkaTemplate<String, byte[]> kafka;
    private final JsonMapper json;

    KafkaRelay(KafkaTemplate<String, byte[]> kafka, JsonMapper json) {
        this.kafka = kafka;
        this.json = json;
    }

    @EventHandler
    void on(Object event, DomainEventMessage<?> message) {
        PublishedEvents.toContract(event).ifPresent(payload -> pendingAcks().add(kafka.send(record(message, payload))));
    }

    private ProducerRecord<String, byte[]> record(DomainEventMessage<?> message, CaseEventPayload payload) {
        UUID eventId = UUID.fromString(message.getIdentifier());
        UUID caseId = UUID.fromString(message.getAggregateIdentifier());
        if (!(message.getMetaData().get(AxonConfiguration.ORGANIZATION) instanceof String organizationId)) {
            throw new IllegalStateException("Event " + eventId + " has no organization in its metadata; it cannot be routed");
        }
        var envelope = new CaseEventEnvelope<>(eventId, payload.type(), caseId, organizationId,
                message.getSequenceNumber(), message.getTimestamp(), payload);
        var record = new ProducerRecord<>(Topics.CASE_EVENTS, caseId.toString(), json.writeValueAsBytes(envelope));
        Headers headers = record.headers();
        add(headers, EventHeaders.EVENT_ID, eventId.toString());
        add(headers, EventHeaders.EVENT_TYPE, payload.type());
        add(headers, EventHeaders.CASE_ID, caseId.toString());
        add(headers, EventHeaders.ORGANIZATION_ID, organizationId);
        add(headers, EventHeaders.SEQUENCE, Long.toString(message.getSequenceNumber()));
        add(headers, EventHeaders.OCCURRED_AT, message.getTimestamp().toString());
        add(headers, EventHeaders.TRACEPARENT, traceparent(message, eventId));
        add(headers, EventHeaders.CE_ID, eventId.toString());
        add(headers, EventHeaders.CE_TYPE, EventHeaders.CE_TYPE_PREFIX + payload.type());
        add(headers, EventHeaders.CE_SOURCE, "/haven/case-service");
        add(headers, EventHeaders.CE_SPECVERSION, EventHeaders.CE_SPECVERSION_VALUE);
        add(headers, EventHeaders.CE_TIME, message.getTimestamp().toString());
        add(headers, EventHeaders.CE_SUBJECT, caseId.toString());
        add(headers, "content-type", "application/json");
        return record;
    }

    /**
     * W3C trace context derived from the command that caused the event (Axon's correlation id), so that every
     * event of one request shares a trace and a re-sent event carries the same headers.
     */
    private static String traceparent(DomainEventMessage<?> message, UUID eventId) {
        Object correlation = message.getMetaData().get("correlationId");
        String traceId = hex32(correlation instanceof String id ? id : eventId.toString());
        String spanId = eventId.toString().replace("-", "").substring(16);
        return "00-" + traceId + "-" + spanId + "-01";
    }

    private static String hex32(String id) {
        try {
            return UUID.fromString(id).toString().replace("-", "");
        } catch (IllegalArgumentException notAUuid) {
            return UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
        }
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** The sends of the current batch; awaited once, before the batch (and its token) commits. */
    private List<CompletableFuture<SendResult<String, byte[]>>> pendingAcks() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(PENDING_ACKS, key -> {
            List<CompletableFuture<SendResult<String, byte[]>>> acks = new ArrayList<>();
            batch.onPrepareCommit(unitOfWork -> awaitAll(acks));
            return acks;
        });
    }

    private void awaitAll(List<CompletableFuture<SendResult<String, byte[]>>> acks) {
        kafka.flush();
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge the batch; it will be sent again", e);
        }
    }
}
