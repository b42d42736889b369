package org.haven.deploy.manifests;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.haven.deploy.manifests.Manifests.DEPLOY;

/** deploy/docker/&lt;module&gt;/Dockerfile, read as text: no Docker engine is needed (or present) to test them. */
class DockerfilesTest {

    private static final Pattern JRE = Pattern.compile("(?m)^ARG JRE_IMAGE=eclipse-temurin:(\\S+)$");

    @ParameterizedTest
    @ValueSource(strings = {"case-service", "eligibility-service", "notification-service", "gateway"})
    void imageIsALayeredBootJarOnAPinnedJre21RunAsANonRootUserWithAHealthCheck(String module) throws IOException {
        String dockerfile = Files.readString(DEPLOY.resolve("docker").resolve(module).resolve("Dockerfile"));
        Matcher jre = JRE.matcher(dockerfile);
        assertThat(jre.find()).as("pinned JRE_IMAGE").isTrue();
        assertThat(jre.group(1)).matches("21\\.\\d+\\.\\d+_\\d+-jre-\\w+");
        assertThat(dockerfile.lines().filter(l -> l.startsWith("FROM ")).toList()).hasSize(2);
        assertThat(dockerfile).contains("COPY " + module + "/target/" + module + ".jar app.jar",
                "-Djarmode=tools -jar app.jar extract --layers --launcher",
                "org.springframework.boot.loader.launch.JarLauncher",
                "-XX:MaxRAMPercentage=", "HEALTHCHECK", "/actuator/health");
        List<String> users = dockerfile.lines().filter(l -> l.startsWith("USER ")).toList();
        assertThat(users).singleElement().asString().isNotEqualTo("USER root").doesNotStartWith("USER 0");
        assertThat(dockerfile.indexOf("USER ")).isGreaterThan(dockerfile.lastIndexOf("FROM "));
    }
}
