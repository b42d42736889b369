package org.haven.cases.relay;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.haven.cases.Api;
import org.haven.cases.CaseServiceApplication;
import org.haven.cases.RealInfrastructure;
import org.haven.events.EventHeaders;
import org.haven.events.Topics;
import org.haven.infra.TestInfrastructure;
import org.haven.support.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relay publishes every stored event exactly once although case-service is stopped while cases are
 * being opened and the relay is mid-stream. Runs against a database of its own, so no other test's
 * application instance shares its relay's token.
 */
class KafkaRelayRestartTest {

    private static final String DATABASE = "haven_case_relay_restart";

    @Test
    void everyStoredEventIsPublishedExactlyOnceAcrossARestart() throws Exception {
        Set<UUID> acceptedCases = ConcurrentHashMap.newKeySet();

        ConfigurableApplicationContext first = start();
        Thread writer = Thread.ofVirtual().start(() -> openCases(port(first), 200, acceptedCases));
        waitUntil(() -> acceptedCases.size() >= 40, Duration.ofSeconds(60));
        first.close(); // mid-stream: the writer is still sending, the relay still has events to publish
        writer.join();

        ConfigurableApplicationContext second = start();
        try {
            openCases(port(second), 20, acceptedCases);
            List<UUID> storedEvents = storedEventIds(second);

            Map<UUID, Integer> published = consumeUntilAllSeen(storedEvents, Duration.ofSeconds(60));

            assertThat(acceptedCases).hasSizeGreaterThanOrEqualTo(60);
            assertThat(storedEvents).hasSizeGreaterThanOrEqualTo(acceptedCases.size());
            assertThat(storedEvents).allSatisfy(eventId -> assertThat(published.get(eventId))
                    .as("times event %s was published", eventId).isEqualTo(1));
        } finally {
            second.close();
        }
    }

    private static ConfigurableApplicationContext start() {
        String[] arguments = Stream.concat(Stream.of(RealInfrastructure.arguments(DATABASE)), Stream.of("--server.port=0"))
                .toArray(String[]::new);
        return new SpringApplicationBuilder(CaseServiceApplication.class).run(arguments);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static void openCases(int port, int count, Set<UUID> accepted) {
        Api api = Api.at(port, "org-a", Role.INTAKE);
        for (int i = 0; i < count; i++) {
            try {
                Api.Response response = api.post("/api/cases", Api.openCaseBody("Relay" + i));
                if (response.status() == 201) {
                    accepted.add(UUID.fromString(response.json().get("id").asString()));
                }
            } catch (RuntimeException serviceStopping) {
                return;
            }
        }
    }

    private static List<UUID> storedEventIds(ConfigurableApplicationContext context) {
        return context.getBean(JdbcTemplate.class)
                .queryForList("select event_identifier from domain_event_entry", String.class)
                .stream().map(UUID::fromString).toList();
    }

    private static Map<UUID, Integer> consumeUntilAllSeen(List<UUID> expected, Duration timeout) {
        Map<UUID, Integer> published = new HashMap<>();
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "relay-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        long deadline = System.nanoTime() + timeout.toNanos();
        long quietUntil = Long.MAX_VALUE;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(Topics.CASE_EVENTS));
            while (System.nanoTime() < Math.min(deadline, quietUntil)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    UUID eventId = UUID.fromString(new String(record.headers().lastHeader(EventHeaders.EVENT_ID).value(), StandardCharsets.UTF_8));
                    published.merge(eventId, 1, Integer::sum);
                    assertThat(new String(record.value(), StandardCharsets.UTF_8))
                            .as("no client names leave case-service").doesNotContain("Relay").doesNotContain("Kovalenko");
                    assertThat(record.key()).isEqualTo(header(record, EventHeaders.CASE_ID)).isEqualTo(header(record, EventHeaders.CE_SUBJECT));
                    assertThat(header(record, EventHeaders.CE_ID)).isEqualTo(eventId.toString());
                    assertThat(header(record, EventHeaders.CE_SPECVERSION)).isEqualTo("1.0");
                    assertThat(header(record, EventHeaders.TRACEPARENT)).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
                }
                if (quietUntil == Long.MAX_VALUE && published.keySet().containsAll(expected)) {
                    quietUntil = System.nanoTime() + Duration.ofSeconds(3).toNanos(); // a duplicate would arrive now
                }
            }
        }
        return published;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Condition not met within " + timeout);
            }
            Thread.sleep(20);
        }
    }
}
