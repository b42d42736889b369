package org.haven.deploy.manifests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.haven.deploy.manifests.Manifests.DEPLOY;
import static org.haven.deploy.manifests.Manifests.at;
import static org.haven.deploy.manifests.Manifests.compose;
import static org.haven.deploy.manifests.Manifests.map;

/** deploy/compose.yaml as docker compose would read it (anchors and merge keys resolved by the YAML parser). */
class ComposeFileTest {

    private static final List<String> APPLICATIONS =
            List.of("case-service", "eligibility-service", "notification-service", "gateway");
    /** A value that is a compose interpolation of deploy/.env and fails when the variable is unset. */
    private static final Pattern REQUIRED_VARIABLE = Pattern.compile("\\$\\{[A-Z_]+:\\?[^}]*}");
    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|TOKEN|PRIVATE).*");

    private final Map<String, Object> services = map(compose().get("services"));

    @ParameterizedTest
    @ValueSource(strings = {"case-service", "eligibility-service", "notification-service", "gateway"})
    void everyApplicationHasAHealthCheckAndLimits(String service) {
        Map<String, Object> definition = map(services.get(service));
        assertThat((List<?>) at(definition, "healthcheck", "test")).asString().contains("/actuator/health");
        assertThat(at(definition, "deploy", "resources", "limits", "memory")).isNotNull();
        assertThat(at(definition, "deploy", "resources", "limits", "cpus")).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"case-service", "eligibility-service", "notification-service"})
    void everyServiceRunsTwoReplicas(String service) {
        assertThat(at(services.get(service), "deploy", "replicas")).isEqualTo(2);
    }

    @Test
    void everyImageHasAPinnedTagAndNoneIsLatest() {
        services.forEach((name, definition) -> {
            String image = (String) map(definition).get("image");
            assertThat(image).as(name).doesNotContain(":latest");
            if (APPLICATIONS.contains(name)) {
                assertThat(image).as(name).endsWith(":${HAVEN_IMAGE_TAG:?set HAVEN_IMAGE_TAG in deploy/.env}");
            } else {
                assertThat(image).as(name).matches(".+:[^:/]+$");
                assertThat(image.substring(image.lastIndexOf(':') + 1)).as(name).matches(".*\\d.*");
            }
        });
    }

    @Test
    void onlyTheGatewayPublishesAPort() {
        services.forEach((name, definition) ->
                assertThat(map(definition).containsKey("ports")).as(name).isEqualTo("gateway".equals(name)));
    }

    @Test
    void applicationsStartOnlyOnceWhatTheyNeedIsHealthy() {
        for (String service : APPLICATIONS) {
            Map<String, Object> dependsOn = map(map(services.get(service)).get("depends_on"));
            assertThat(dependsOn).as(service).isNotEmpty();
            dependsOn.values().forEach(condition ->
                    assertThat(map(condition)).as(service).containsEntry("condition", "service_healthy"));
        }
        assertThat(map(map(services.get("gateway")).get("depends_on")))
                .containsKeys("case-service", "eligibility-service", "notification-service");
        assertThat(map(map(services.get("kafka")).get("environment")))
                .containsEntry("KAFKA_PROCESS_ROLES", "broker,controller");
    }

    @Test
    void dataLivesInNamedVolumes() {
        assertThat(map(compose().get("volumes"))).containsKeys("postgres-data", "kafka-data", "mail-data");
        assertThat((List<?>) map(services.get("postgres")).get("volumes")).asString()
                .contains("postgres-data:/var/lib/postgresql/data");
    }

    @Test
    void noSecretValueIsCommitted() throws IOException {
        services.forEach((name, definition) -> {
            Object environment = map(definition).get("environment");
            if (environment != null) {
                map(environment).forEach((variable, value) -> {
                    if (SECRET_NAME.matcher(variable).matches()) {
                        assertThat(String.valueOf(value)).as(name + " " + variable).matches(REQUIRED_VARIABLE);
                    }
                });
            }
        });
        assertThat(Files.readString(DEPLOY.resolve("../.gitignore"))).contains("deploy/.env");
        assertThat(DEPLOY.resolve(".env.example")).content().contains("replace-me");
    }
}
