package org.haven.deploy.security;

import static org.haven.infra.Directories.deleteRecursively;

import org.haven.deploy.local.HavenLocalStack;
import org.haven.deploy.local.HavenLocalStack.Options;
import org.haven.deploy.local.HavenLocalStack.Ports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The stack the security suite attacks: the whole local stack on free ports, started once per test JVM. For
 * a quicker edit-run loop, {@code -Dhaven.e2e.ports=<file>} points the suite at a stack that already runs
 * (a ports.env as written by bench/gateway/StackOnFreePorts.java).
 */
final class SuiteStack {

    private static SuiteStack shared;

    private final URI gateway;
    private final Map<String, URI> services;

    private SuiteStack(URI gateway, Map<String, URI> services) {
        this.gateway = gateway;
        this.services = services;
    }

    static synchronized SuiteStack shared() {
        if (shared == null) {
            String portsFile = System.getProperty("haven.e2e.ports");
            shared = portsFile != null && !portsFile.isBlank() ? running(Path.of(portsFile)) : started();
        }
        return shared;
    }

    URI gateway() {
        return gateway;
    }

    /** A service's own port, by module name (case-service, eligibility-service, notification-service). */
    URI service(String name) {
        URI uri = services.get(name);
        if (uri == null) {
            throw new IllegalArgumentException("No service " + name);
        }
        return uri;
    }

    private static SuiteStack started() {
        Options options = Options.defaults();
        List<Path> missing = Stream.of(HavenLocalStack.CASE_SERVICE, HavenLocalStack.ELIGIBILITY_SERVICE,
                        HavenLocalStack.NOTIFICATION_SERVICE, HavenLocalStack.GATEWAY)
                .map(options::jar).filter(jar -> !Files.isRegularFile(jar)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Boot jars missing (./mvnw verify packages them first): " + missing);
        }
        Path data = Path.of("target", "security-suite-stack").toAbsolutePath();
        deleteRecursively(data);
        Ports ports = Ports.free();
        HavenLocalStack stack = HavenLocalStack.start(options.withDataDirectory(data).withPorts(ports));
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "security-suite-stack-stop"));
        return new SuiteStack(stack.gatewayUrl(), Map.of(
                HavenLocalStack.CASE_SERVICE, local(ports.caseService()),
                HavenLocalStack.ELIGIBILITY_SERVICE, local(ports.eligibilityService()),
                HavenLocalStack.NOTIFICATION_SERVICE, local(ports.notificationService())));
    }

    private static SuiteStack running(Path portsFile) {
        Map<String, String> values = new HashMap<>();
        try {
            for (String line : Files.readAllLines(portsFile)) {
                int equals = line.indexOf('=');
                if (equals > 0) {
                    values.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SuiteStack(local(Integer.parseInt(values.get("GATEWAY_PORT"))), Map.of(
                HavenLocalStack.CASE_SERVICE, local(Integer.parseInt(values.get("CASE_PORT"))),
                HavenLocalStack.ELIGIBILITY_SERVICE, local(Integer.parseInt(values.get("ELIGIBILITY_PORT"))),
                HavenLocalStack.NOTIFICATION_SERVICE, local(Integer.parseInt(values.get("NOTIFICATION_PORT")))));
    }

    private static URI local(int port) {
        return URI.create("http://localhost:" + port);
    }
}
