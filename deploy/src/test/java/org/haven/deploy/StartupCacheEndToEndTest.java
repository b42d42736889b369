package org.haven.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.haven.deploy.local.HavenLocalStack;
import org.haven.deploy.local.ServiceProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The shared stack starts like {@code ./haven up}: each service and the gateway from its extracted jar with the JDK
 * AOT cache trained on the first start, and the JVM used the cache (a cache it cannot use — other jars, another JDK
 * — is reported as an {@code [aot]} warning or error at the top of the service's log, and the JVM runs without it).
 */
@ExtendWith(SharedStack.class)
class StartupCacheEndToEndTest {

    private static final Pattern AOT_PROBLEM = Pattern.compile("\\[(warning|error)\\s*\\]\\[aot");

    private static HavenLocalStack stack;

    @BeforeAll
    static void sharedStack() {
        stack = SharedStack.stack();
    }

    @ParameterizedTest
    @ValueSource(strings = {HavenLocalStack.CASE_SERVICE, HavenLocalStack.ELIGIBILITY_SERVICE,
            HavenLocalStack.NOTIFICATION_SERVICE, HavenLocalStack.GATEWAY})
    void startsFromItsStartUpCacheAndTheJvmUsesIt(String name) throws IOException {
        ServiceProcess process = stack.process(name);
        Path cache = stack.options().dataDirectory().resolve("aot").resolve(name).resolve(name + ".aot");

        List<String> log = Files.readAllLines(process.logFile());

        assertThat(Files.size(cache)).as("trained cache %s", cache).isGreaterThan(1_000_000);
        assertThat(process.jar()).as("runs the extracted jar").startsWith(cache.getParent());
        assertThat(log.getFirst()).contains("-XX:AOTCache=" + cache);
        assertThat(log).noneMatch(line -> AOT_PROBLEM.matcher(line).find());
    }
}
