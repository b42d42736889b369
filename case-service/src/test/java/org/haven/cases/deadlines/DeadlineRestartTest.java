package org.haven.cases.deadlines;

import org.haven.cases.Api;
import org.haven.cases.CaseServiceApplication;
import org.haven.cases.EligibilityTopic;
import org.haven.cases.RealInfrastructure;
import org.haven.support.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deadline scheduled before a shutdown fires after the restart: the first run polls for due deadlines only
 * once an hour, so the deadline is stored but not fired when the service stops; the second run polls often.
 */
class DeadlineRestartTest {

    private static final String DATABASE = "haven_case_deadline_restart";

    @Test
    void aScheduledDeadlineSurvivesARestartAndFires() throws InterruptedException {
        EligibilityTopic.ensureTopic();
        LocalDate validUntil = LocalDate.now().plusDays(20);
        String id;
        try (ConfigurableApplicationContext first = start("PT1H", "restart-first-" + UUID.randomUUID())) {
            Api api = Api.at(port(first), "org-a", Role.CASEWORKER);
            id = api.post("/api/cases", Api.openCaseBody("Restart")).json().get("id").asString();
            EligibilityTopic.publish(EligibilityTopic.assessment(UUID.fromString(id), "org-a", EligibilityTopic.paroleEndingOn(validUntil)));
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            awaitTrue(() -> jdbc.queryForObject("select count(*) from scheduled_tasks where task_instance like ?", Long.class,
                    "%" + id + "%") > 0 || jdbc.queryForObject("select count(*) from scheduled_tasks", Long.class) > 0, Duration.ofSeconds(20));
            assertThat(historyTypes(api, id)).doesNotContain("ParoleExpiring");
        }

        try (ConfigurableApplicationContext second = start("PT0.5S", "restart-second-" + UUID.randomUUID())) {
            Api api = Api.at(port(second), "org-a", Role.CASEWORKER);
            awaitTrue(() -> historyTypes(api, id).contains("ParoleExpiring"), Duration.ofSeconds(20));
        }
    }

    private static ConfigurableApplicationContext start(String pollInterval, String consumerGroup) {
        String[] arguments = Stream.concat(Stream.of(RealInfrastructure.arguments(DATABASE)), Stream.of(
                "--server.port=0", "--haven.deadlines.poll-interval=" + pollInterval,
                "--spring.kafka.consumer.group-id=" + consumerGroup)).toArray(String[]::new);
        return new SpringApplicationBuilder(CaseServiceApplication.class).run(arguments);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static java.util.List<String> historyTypes(Api api, String id) {
        return api.get("/api/cases/" + id + "/history").json().valueStream().map(event -> event.get("type").asString()).toList();
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not true within " + timeout);
            }
            Thread.sleep(200);
        }
    }
}
