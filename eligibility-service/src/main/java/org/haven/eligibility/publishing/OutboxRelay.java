package org.haven.eligibility.publishing;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.haven.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends the outbox to Kafka in id order, keyed by case id, with an idempotent producer ({@code acks=all}), and marks
 * the rows published in the same transaction only after Kafka acknowledged every send of the batch. A crash before
 * that commit sends the batch again: the same event ids, which consumers dedupe.
 *
 * <p>Only one relay works at a time across replicas (a transaction-scoped advisory lock), so that a case's events
 * leave in the order they were written.
 */
@Component
class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** Any fixed number: the advisory lock that makes one relay at a time. */
    private static final long RELAY_LOCK = 0x6861766e_656c6967L;
    private static final int BATCH_SIZE = 200;

    private final JdbcClient jdbc;
    private final KafkaTemplate<String, String> kafka;
    private final TransactionTemplate transaction;
    private final JsonMapper json;

    OutboxRelay(JdbcClient jdbc, KafkaTemplate<String, String> kafka, TransactionTemplate transaction, JsonMapper json) {
        this.jdbc = jdbc;
        this.kafka = kafka;
        this.transaction = transaction;
        this.json = json;
    }

    private record Pending(long id, UUID eventId, UUID caseId, String payload, String headers) {
    }

    @Scheduled(fixedDelayString = "${haven.eligibility.outbox-poll-interval}")
    void relayPending() {
        try {
            while (relayBatch() == BATCH_SIZE) {
                // a full batch: there may be more
            }
        } catch (RuntimeException e) {
            log.warn("Publishing the eligibility outbox failed; it is retried at the next poll", e);
        }
    }

    /** @return how many events were published */
    int relayBatch() {
        Integer published = transaction.execute(status -> {
            if (!Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(?)").param(RELAY_LOCK).query(Boolean.class).single())) {
                return 0;
            }
            List<Pending> pending = jdbc.sql("""
                            select id, event_id, case_id, payload, headers::text as headers from eligibility_outbox
                             where published_at is null order by id limit ?""")
                    .param(BATCH_SIZE)
                    .query((rs, row) -> new Pending(rs.getLong("id"), rs.getObject("event_id", UUID.class),
                            rs.getObject("case_id", UUID.class), rs.getString("payload"), rs.getString("headers")))
                    .list();
            if (pending.isEmpty()) {
                return 0;
            }
            List<CompletableFuture<SendResult<String, String>>> acks = pending.stream().map(row -> kafka.send(record(row))).toList();
            awaitAll(acks);
            jdbc.sql("update eligibility_outbox set published_at = now() where id = any(?)")
                    .param(pending.stream().map(Pending::id).toArray(Long[]::new))
                    .update();
            log.debug("Published {} EligibilityAssessed events", pending.size());
            return pending.size();
        });
        return published == null ? 0 : published;
    }

    private ProducerRecord<String, String> record(Pending row) {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.ELIGIBILITY_EVENTS, row.caseId().toString(), row.payload());
        Headers headers = record.headers();
        json.readValue(row.headers(), new TypeReference<Map<String, String>>() { })
                .forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private void awaitAll(List<CompletableFuture<SendResult<String, String>>> acks) {
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
