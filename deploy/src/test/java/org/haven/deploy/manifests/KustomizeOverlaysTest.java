package org.haven.deploy.manifests;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.haven.deploy.manifests.Manifests.DEPLOY;
import static org.haven.deploy.manifests.Manifests.at;
import static org.haven.deploy.manifests.Manifests.containers;
import static org.haven.deploy.manifests.Manifests.kustomization;
import static org.haven.deploy.manifests.Manifests.list;
import static org.haven.deploy.manifests.Manifests.map;
import static org.haven.deploy.manifests.Manifests.name;
import static org.haven.deploy.manifests.Manifests.ofKind;
import static org.haven.deploy.manifests.Manifests.renderOverlay;

/** Each overlay of deploy/k8s rendered with the base (see {@link Manifests} for what the rendering covers). */
class KustomizeOverlaysTest {

    private static final Set<String> SERVICES = Set.of("case-service", "eligibility-service", "notification-service");
    private static final Set<String> APPLICATIONS = Set.of("case-service", "eligibility-service", "notification-service", "gateway");
    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|TOKEN|PRIVATE).*");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyApplicationIsADeploymentWithProbesOnTheHealthGroupsAndLimits(String overlay) {
        List<Map<String, Object>> objects = renderOverlay(overlay);
        assertThat(ofKind(objects, "Deployment").stream().map(Manifests::name).collect(toSet())).isEqualTo(APPLICATIONS);
        for (Map<String, Object> container : containers(objects)) {
            String name = (String) container.get("name");
            assertThat(at(container, "readinessProbe", "httpGet", "path")).as(name).isEqualTo("/actuator/health/readiness");
            assertThat(at(container, "livenessProbe", "httpGet", "path")).as(name).isEqualTo("/actuator/health/liveness");
            for (String kind : List.of("requests", "limits")) {
                assertThat(map(at(container, "resources", kind))).as(name + " " + kind).containsKeys("cpu", "memory");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyImageIsPinnedToAReleaseTag(String overlay) {
        for (Map<String, Object> container : containers(renderOverlay(overlay))) {
            String image = (String) container.get("image");
            assertThat(image).as((String) container.get("name")).matches(".+:\\d+\\.\\d+\\.\\d+$");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyApplicationHasADisruptionBudgetAndEveryServiceAnAutoscaler(String overlay) {
        List<Map<String, Object>> objects = renderOverlay(overlay);
        assertThat(ofKind(objects, "PodDisruptionBudget").stream().map(Manifests::name).collect(toSet()))
                .containsAll(APPLICATIONS);
        List<Map<String, Object>> autoscalers = ofKind(objects, "HorizontalPodAutoscaler");
        assertThat(autoscalers.stream().map(h -> (String) at(h, "spec", "scaleTargetRef", "name")).collect(toSet()))
                .containsAll(SERVICES);
        autoscalers.forEach(h -> assertThat((Integer) at(h, "spec", "maxReplicas"))
                .as("more consumers than the topics' 6 partitions would idle").isLessThanOrEqualTo(6));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void onlyTheGatewayReachesTheServicesAndOnlyTheGatewayIsExposed(String overlay) {
        List<Map<String, Object>> objects = renderOverlay(overlay);
        Map<String, Object> policy = ofKind(objects, "NetworkPolicy").stream()
                .filter(p -> "service".equals(at(p, "spec", "podSelector", "matchLabels", "haven.org/tier")))
                .findFirst().orElseThrow(() -> new AssertionError("no NetworkPolicy for the services"));
        List<Object> rules = list(at(policy, "spec", "ingress"));
        assertThat(rules).hasSize(1);
        assertThat(list(at(rules.getFirst(), "from"))).containsExactly(
                Map.of("podSelector", Map.of("matchLabels", Map.of("app.kubernetes.io/name", "gateway"))));
        for (Map<String, Object> deployment : ofKind(objects, "Deployment")) {
            Object tier = at(deployment, "spec", "template", "metadata", "labels", "haven.org/tier");
            assertThat(tier).as(name(deployment)).isEqualTo("gateway".equals(name(deployment)) ? "edge" : "service");
        }

        ofKind(objects, "Service").forEach(s -> assertThat(at(s, "spec", "type")).as(name(s)).isEqualTo("ClusterIP"));
        List<Map<String, Object>> ingresses = ofKind(objects, "Ingress");
        assertThat(ingresses).hasSize(1);
        assertThat(list(at(list(at(ingresses.getFirst(), "spec", "rules")).getFirst(), "http", "paths")))
                .allSatisfy(path -> assertThat(at(path, "backend", "service", "name")).isEqualTo("gateway"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void configAndSecretsAreSeparateAndNoSecretValueIsCommitted(String overlay) throws IOException {
        List<Map<String, Object>> objects = renderOverlay(overlay);
        assertThat(ofKind(objects, "Secret")).isEmpty();
        assertThat(ofKind(objects, "ConfigMap")).extracting(Manifests::name).containsExactly("haven-config");
        map(at(ofKind(objects, "ConfigMap").getFirst(), "data")).keySet()
                .forEach(key -> assertThat(key).doesNotMatch(SECRET_NAME));
        for (Map<String, Object> container : containers(objects)) {
            for (Object e : list(container.get("env"))) {
                Map<String, Object> variable = map(e);
                if (SECRET_NAME.matcher((String) variable.get("name")).matches()) {
                    assertThat(variable).as((String) variable.get("name")).doesNotContainKey("value")
                            .containsKey("valueFrom");
                }
            }
        }
        Path dir = DEPLOY.resolve("k8s/overlays").resolve(overlay);
        Object generators = kustomization(dir).get("secretGenerator");
        if (generators != null) {
            String gitignore = Files.readString(DEPLOY.resolve("../.gitignore"));
            assertThat(gitignore).contains("deploy/k8s/overlays/*/*.env");
            for (Object g : list(generators)) {
                assertThat(map(g)).doesNotContainKey("literals");
                for (Object file : list(map(g).get("envs"))) {
                    assertThat((String) file).endsWith(".env");
                    assertThat(dir.resolve(file + ".example")).exists();
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void postgresAndKafkaAreDeclaredThroughTheirOperators(String overlay) {
        List<Map<String, Object>> objects = renderOverlay(overlay);
        assertThat(ofKind(objects, "StatefulSet")).isEmpty();
        assertThat(ofKind(objects, "Cluster")).singleElement()
                .satisfies(c -> assertThat(c.get("apiVersion")).isEqualTo("postgresql.cnpg.io/v1"));
        Map<String, Object> kafka = ofKind(objects, "Kafka").getFirst();
        assertThat(map(at(kafka, "metadata", "annotations")))
                .containsEntry("strimzi.io/kraft", "enabled").containsEntry("strimzi.io/node-pools", "enabled");
        assertThat(ofKind(objects, "KafkaNodePool")).singleElement()
                .satisfies(pool -> assertThat(list(at(pool, "spec", "roles"))).containsExactlyInAnyOrder("controller", "broker"));
        assertThat(ofKind(objects, "KafkaTopic")).extracting(t -> at(t, "spec", "topicName"))
                .containsExactlyInAnyOrder(org.haven.events.Topics.CASE_EVENTS, org.haven.events.Topics.ELIGIBILITY_EVENTS,
                        org.haven.events.Topics.REMINDER_SETTINGS);
        ofKind(objects, "KafkaTopic").forEach(t -> assertThat(at(t, "spec", "partitions")).isEqualTo(
                org.haven.events.Topics.REMINDER_SETTINGS.equals(at(t, "spec", "topicName")) ? 1 : org.haven.events.Topics.PARTITIONS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void replicationMatchesTheSizeOfEachCluster(String overlay) {
        List<Map<String, Object>> objects = renderOverlay(overlay);
        int brokers = (Integer) at(ofKind(objects, "KafkaNodePool").getFirst(), "spec", "replicas");
        assertThat(brokers).isEqualTo("prod".equals(overlay) ? 3 : 1);
        ofKind(objects, "KafkaTopic").forEach(t -> assertThat((Integer) at(t, "spec", "replicas")).isEqualTo(brokers));
        assertThat(at(ofKind(objects, "Cluster").getFirst(), "spec", "instances")).isEqualTo("prod".equals(overlay) ? 3 : 1);
    }
}
