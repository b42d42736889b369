package org.haven.cases.scaling;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.haven.cases.CaseServiceApplication;
import org.haven.cases.RealInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One case-service instance with a database of its own and a second instance that only heartbeats (a row in
 * {@code tracking_node} kept fresh by the test): the instance gives up its extra segment while the other is
 * alive, and holds both again once the other is gone.
 */
class SegmentBalancerTest {

    private static final String DATABASE = "haven_case_segments";
    private static final List<String> PROCESSORS = List.of("case-summary", "kafka-relay");

    private static ConfigurableApplicationContext instance;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void start() {
        String[] arguments = Stream.concat(Stream.of(RealInfrastructure.arguments(DATABASE)), Stream.of("--server.port=0",
                "--haven.scaling.heartbeat=500ms", "--haven.scaling.live-within=3s", "--haven.scaling.release-for=3s"))
                .toArray(String[]::new);
        instance = new SpringApplicationBuilder(CaseServiceApplication.class).run(arguments);
        jdbc = instance.getBean(JdbcTemplate.class);
    }

    @AfterAll
    static void stop() {
        instance.close();
    }

    private static int held(String processor) {
        return instance.getBean(EventProcessingConfiguration.class)
                .eventProcessor(processor, TrackingEventProcessor.class).orElseThrow().processingStatus().size();
    }

    private static boolean everyProcessorHolds(int segments) {
        return PROCESSORS.stream().allMatch(processor -> held(processor) == segments);
    }

    @Test
    void anInstanceHoldsItsShareOfTheSegmentsWhileAnotherIsAliveAndAllOfThemAlone() throws Exception {
        await(() -> everyProcessorHolds(2), "one instance alone holds both segments of each processor");
        assertThat(jdbc.queryForObject("select count(*) from token_entry where processor_name in ('case-summary', 'kafka-relay')",
                Integer.class)).isEqualTo(4);

        AtomicBoolean otherAlive = new AtomicBoolean(true);
        Thread other = Thread.ofVirtual().start(() -> {
            while (otherAlive.get()) {
                jdbc.update("insert into tracking_node (node_id, last_seen) values ('other@instance', now())"
                        + " on conflict (node_id) do update set last_seen = now()");
                sleep(300);
            }
        });
        try {
            await(() -> everyProcessorHolds(1), "with another instance alive, one segment of each processor");
        } finally {
            otherAlive.set(false);
            other.join();
        }

        await(() -> everyProcessorHolds(2), "the other instance gone, both segments again");
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(45));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as(what).isBefore(deadline);
            Thread.sleep(200);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
