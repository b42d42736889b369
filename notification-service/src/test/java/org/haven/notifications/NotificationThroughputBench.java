package org.haven.notifications;

import com.sun.net.httpserver.HttpServer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.haven.events.CaseEventEnvelope;
import org.haven.events.Topics;
import org.haven.infra.TestInfrastructure;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Measures notifications per second and the latency from "event acknowledged by Kafka" to "signed webhook
 * received" on the real path: Kafka → intake transaction (dedupe, case file, notification, delivery log) →
 * delivery worker → HMAC-signed POST to a local receiver. Not part of {@code verify}; run it with
 *
 * <pre>./mvnw -o -pl notification-service test -Dtest=NotificationThroughputBench -Dgroups=bench -DexcludedGroups=none</pre>
 *
 * Results are printed and appended to {@code target/bench-results.txt}.
 */
@Tag("bench")
class NotificationThroughputBench extends NotificationServiceIntegrationTest {

    private static final int BURST = Integer.getInteger("bench.burst", 3000);
    private static final int RATE = Integer.getInteger("bench.rate", 150);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 20);

    private final Map<UUID, Long> ackedAt = new ConcurrentHashMap<>();
    private final Map<UUID, Long> deliveredAt = new ConcurrentHashMap<>();
    private final AtomicInteger duplicates = new AtomicInteger();

    @Autowired
    JdbcClient jdbc;

    private HttpServer receiver;

    @Test
    void throughputAndLatencyFromKafkaToWebhook() throws Exception {
        receiver = receiver();
        try (KafkaProducer<String, String> producer = benchProducer()) {
            run(producer, "warm-up", 300, 0);
            String burst = run(producer, "burst (as fast as Kafka takes them)", BURST, 0);
            String steady = run(producer, "steady " + RATE + "/s for " + SECONDS + " s", RATE * SECONDS, RATE);
            String report = "%s  cpus=%d%n%s%n%s%n".formatted(Instant.now(), Runtime.getRuntime().availableProcessors(), burst, steady);
            System.out.println(report);
            Files.writeString(Path.of("target", "bench-results.txt"), report, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } finally {
            receiver.stop(0);
        }
        assertThat(duplicates).hasValue(0);
    }

    private String run(KafkaProducer<String, String> producer, String label, int events, int perSecond) {
        String org = newOrganization();
        admin(org).post("/api/webhooks", """
                {"url":"http://127.0.0.1:%d/hook","eventTypes":["ParoleExpiring"]}""".formatted(receiver.getAddress().getPort()))
                .hasStatus(201);
        ackedAt.clear();
        deliveredAt.clear();
        List<UUID> ids = new ArrayList<>(events);
        long start = System.nanoTime();
        for (int i = 0; i < events; i++) {
            if (perSecond > 0) {
                long due = start + i * 1_000_000_000L / perSecond;
                while (System.nanoTime() < due) {
                    LockSupport.parkNanos(due - System.nanoTime());
                }
            }
            CaseEventEnvelope<?> event = Events.newCase(org).paroleExpiring(30);
            ids.add(event.eventId());
            producer.send(new ProducerRecord<>(Topics.CASE_EVENTS, event.caseId().toString(), Api.JSON.writeValueAsString(event)),
                    (metadata, failure) -> {
                        if (failure == null) {
                            ackedAt.put(event.eventId(), System.nanoTime());
                        }
                    });
        }
        producer.flush();
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100)).until(() -> deliveredAt.keySet().containsAll(ids));
        long end = deliveredAt.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        long[] latencies = ids.stream().mapToLong(id -> deliveredAt.get(id) - ackedAt.get(id)).sorted().toArray();
        double seconds = (end - start) / 1e9;
        // Where the time goes: from the notification's commit to the receiver's 2xx being recorded.
        Map<String, Object> sending = jdbc.sql("""
                        select percentile_cont(0.5) within group (order by extract(epoch from d.delivered_at - n.created_at)) * 1000 as p50,
                               percentile_cont(0.99) within group (order by extract(epoch from d.delivered_at - n.created_at)) * 1000 as p99
                          from notification_delivery d join notification n on n.id = d.notification_id
                         where d.organization_id = :org and d.channel = 'WEBHOOK'""")
                .param("org", org).query().singleRow();
        return ("%-40s events=%5d  elapsed=%6.2f s  notifications/s=%7.1f  Kafka->webhook p50=%5d ms  p99=%5d ms  max=%5d ms"
                + "  (commit->delivered p50=%d ms p99=%d ms)")
                .formatted(label, events, seconds, events / seconds, millis(latencies, 0.50), millis(latencies, 0.99),
                        latencies[latencies.length - 1] / 1_000_000, ((Number) sending.get("p50")).longValue(),
                        ((Number) sending.get("p99")).longValue());
    }

    private static long millis(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1_000_000;
    }

    private HttpServer receiver() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/hook", exchange -> {
            long now = System.nanoTime();
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            JsonNode json = Api.JSON.readTree(body);
            if (deliveredAt.putIfAbsent(UUID.fromString(json.get("data").get("eventId").asString()), now) != null) {
                duplicates.incrementAndGet();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static KafkaProducer<String, String> benchProducer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 1,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }
}
