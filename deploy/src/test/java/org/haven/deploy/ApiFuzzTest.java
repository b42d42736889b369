package org.haven.deploy;

import org.haven.deploy.fuzz.ApiFuzzer;
import org.haven.deploy.local.HavenLocalStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Valid and broken requests to every endpoint through the gateway of the shared stack (issue 9's fuzzing, small
 * size). The full size runs with {@code bench/fuzz/run.sh}; the size and the seed are system properties:
 * {@code haven.fuzz.requests} (default 400), {@code haven.fuzz.seconds} (default 120), {@code haven.fuzz.seed}
 * (default 9, the number, so that ./mvnw verify sends the same requests every time),
 * {@code haven.fuzz.rps} (default 25, under the gateway's per-caller rate limit), {@code haven.fuzz.replay}
 * (default false: no projection rebuild in verify). The report goes to {@code target/fuzz-report.md}.
 */
@Timeout(value = 20, unit = TimeUnit.MINUTES)
@ExtendWith(SharedStack.class)
class ApiFuzzTest {

    @Test
    void everyEndpointAnswersValidAndBrokenRequestsWithoutServerErrorsLeaksOrChanges() throws IOException, InterruptedException {
        HavenLocalStack stack = SharedStack.stack();
        JsonNode preferencesBefore = organizationAPreferences(stack);
        ApiFuzzer.Settings settings = new ApiFuzzer.Settings(
                Long.getLong("haven.fuzz.seed", 9),
                Integer.getInteger("haven.fuzz.requests", 400),
                Duration.ofSeconds(Long.getLong("haven.fuzz.seconds", 120)),
                Integer.getInteger("haven.fuzz.rps", 25),
                Boolean.getBoolean("haven.fuzz.replay"));
        var postgres = stack.postgres();
        ApiFuzzer.Result result = new ApiFuzzer(stack.gatewayUrl(), settings,
                () -> DriverManager.getConnection(postgres.jdbcUrl("haven_case"), postgres.username(), postgres.password()),
                System.out::println).run();

        String report = result.report();
        System.out.println(report);
        Files.writeString(Path.of("target", "fuzz-report.md"), report);
        assertThat(result.serverErrors).as("5xx answers").isEmpty();
        assertThat(result.leaks).as("answers showing stack traces, class names or SQL").isEmpty();
        assertThat(result.stateChanges).as("state changed by refused requests").isEmpty();
        assertThat(result.noAnswer).as("requests the gateway never answered").isEmpty();
        assertThat(result.projectionBehind).as("cases whose projection did not catch up").isEmpty();
        if (result.requests >= 3 * result.endpoints) {
            assertThat(result.byEndpoint).as("every endpoint was fuzzed").hasSize(result.endpoints);
        }
        // The stack is shared with the other end-to-end tests: valid PUTs chose org-a's preferences at random.
        JsonNode preferencesAfter = organizationAPreferences(stack);
        for (String choice : List.of("eventTypes", "channels", "reminderLeadTimes")) {
            assertThat(preferencesAfter.get(choice)).as("org-a's %s, put back after the run", choice).isEqualTo(preferencesBefore.get(choice));
        }
    }

    private static JsonNode organizationAPreferences(HavenLocalStack stack) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(stack.gatewayUrl().resolve("/api/notification-preferences"))
                    .header("X-API-Key", "hvn_dev_a_admin").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return JsonMapper.builder().build().readTree(response.body());
        }
    }
}
