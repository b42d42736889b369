package org.haven.deploy;

import org.haven.deploy.local.HavenLocalStack;
import org.haven.deploy.local.HavenLocalStack.Options;
import org.haven.deploy.local.HavenLocalStack.Ports;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole stack as {@code ./haven up} runs it, on free ports in {@code target/e2e-stack}, started once for
 * every test class of the run that uses this extension (it starts in about a minute, so the API tests and the
 * browser tests share it) and stopped when the run ends. Test classes take it as a parameter:
 * {@code @ExtendWith(RunningStack.class)} and {@code static void setUp(HavenLocalStack stack)}.
 * Needs the services' boot jars: {@code ./mvnw verify} packages them before this module's tests run.
 */
public final class RunningStack implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RunningStack.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == HavenLocalStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // The root store outlives every test class and closes the stack (AutoCloseable) when the run ends.
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(HavenLocalStack.class, key -> start(), HavenLocalStack.class);
    }

    private static HavenLocalStack start() {
        Options options = Options.defaults();
        List<Path> missing = Stream.of(HavenLocalStack.CASE_SERVICE, HavenLocalStack.ELIGIBILITY_SERVICE,
                        HavenLocalStack.NOTIFICATION_SERVICE, HavenLocalStack.GATEWAY)
                .map(options::jar)
                .filter(jar -> !Files.isRegularFile(jar))
                .toList();
        assertThat(missing)
                .as("boot jars of the stack: run ./mvnw verify, or ./mvnw -DskipTests package before this test alone")
                .isEmpty();
        Path data = Path.of("target", "e2e-stack").toAbsolutePath();
        deleteRecursively(data);
        return HavenLocalStack.start(options.withDataDirectory(data).withPorts(Ports.free()));
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
