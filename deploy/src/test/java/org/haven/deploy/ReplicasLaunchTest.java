package org.haven.deploy;

import static org.haven.infra.Directories.deleteRecursively;

import org.haven.deploy.local.HavenLocalStack;
import org.haven.deploy.local.HavenLocalStack.Options;
import org.haven.deploy.local.HavenLocalStack.Ports;
import org.haven.deploy.local.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code ./haven up --replicas 2} starts, on free ports and in its own data directory: the three services
 * twice, the second instance of each 100 ports above the first, all healthy, and stopped with the stack.
 */
@Timeout(value = 8, unit = java.util.concurrent.TimeUnit.MINUTES)
class ReplicasLaunchTest {

    @Test
    void replicasTwoStartsASecondHealthyInstanceOfEachServiceOneHundredPortsUp() throws Exception {
        Path data = Path.of("target", "replicas-stack").toAbsolutePath();
        deleteRecursively(data);
        Options options = Options.defaults().withReplicas(2)
                .withDataDirectory(data).withPorts(Ports.free());
        try (HavenLocalStack stack = HavenLocalStack.start(options)) {
            for (String service : HavenLocalStack.SERVICE_DATABASES.keySet()) {
                ServiceProcess second = stack.process(service + "-2");
                assertThat(second.port()).isEqualTo(stack.process(service).port() + 100);
                assertThat(second.healthy()).as(service + "-2").isTrue();
                assertThat(second.logFile()).isEqualTo(data.resolve("logs").resolve(service + "-2.log"));
            }
        }
    }
}
