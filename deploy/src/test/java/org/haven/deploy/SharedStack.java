package org.haven.deploy;

import static org.haven.infra.Directories.deleteRecursively;

import org.haven.deploy.local.HavenLocalStack;
import org.haven.deploy.local.HavenLocalStack.Options;
import org.haven.deploy.local.HavenLocalStack.Ports;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The one local stack of a test run, shared by every test class that needs the whole stack: started by the first
 * class annotated {@code @ExtendWith(SharedStack.class)}, stopped when the test plan ends. One stack instead of one
 * per class keeps {@code ./mvnw verify} within its time on a small machine.
 * <pre>
 * {@literal @}ExtendWith(SharedStack.class)
 * class SomethingEndToEndTest {
 *     {@literal @}BeforeAll static void stack() { gateway = SharedStack.stack().gatewayUrl(); }
 * }
 * </pre>
 * Runs the stack as {@code ./haven up} does, on free ports, in {@code target/e2e-stack}. Classes that share it must
 * not assume they are alone on it beyond their own cases (test classes run one after another, in no fixed order).
 */
public final class SharedStack implements BeforeAllCallback {

    private static HavenLocalStack stack;

    /** The shared stack; {@link #beforeAll} has started it. */
    public static synchronized HavenLocalStack stack() {
        if (stack == null) {
            throw new IllegalStateException("No shared stack: annotate the test class with @ExtendWith(SharedStack.class)");
        }
        return stack;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(SharedStack.class, key -> new Running(start()), Running.class);
    }

    private static synchronized HavenLocalStack start() {
        if (stack == null) {
            Options options = Options.defaults();
            List<Path> missing = Stream.of(HavenLocalStack.CASE_SERVICE, HavenLocalStack.ELIGIBILITY_SERVICE,
                            HavenLocalStack.NOTIFICATION_SERVICE, HavenLocalStack.GATEWAY)
                    .map(options::jar)
                    .filter(jar -> !Files.isRegularFile(jar))
                    .toList();
            if (!missing.isEmpty()) {
                throw new IllegalStateException("Boot jars of the stack are missing (run ./mvnw verify, or ./mvnw -DskipTests"
                        + " package before running these tests alone): " + missing);
            }
            Path data = Path.of("target", "e2e-stack").toAbsolutePath();
            deleteRecursively(data);
            // 300 s, not 180: on a busy two-core machine case-service alone has taken more than 180 s to become healthy
            // With start-up caches, as ./haven up: their training runs once here, and every end-to-end, UI and fuzz
            // test then runs against services started from them (StartupCacheEndToEndTest checks they were used).
            stack = HavenLocalStack.start(options.withDataDirectory(data).withPorts(Ports.free())
                    .withStartupTimeout(java.time.Duration.ofSeconds(300)).withStartupCaches(true));
        }
        return stack;
    }

    /** Closed by JUnit when the root context's store closes, i.e. after the last test class. */
    private record Running(HavenLocalStack stack) implements AutoCloseable {
        @Override
        public void close() {
            synchronized (SharedStack.class) {
                SharedStack.stack = null;
            }
            stack.stop();
        }
    }
}
