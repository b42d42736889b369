import org.haven.deploy.local.HavenLocalStack;
import org.haven.deploy.local.HavenLocalStack.Options;
import org.haven.deploy.local.HavenLocalStack.Ports;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Starts the whole local stack on free ports (beside a `./haven up` that may already own 8080-8083, 15432,
 * 19092), writes the ports to <data>/ports.env and runs until killed. Used by bench/gateway/latency.sh.
 *
 *   java -cp "deploy/target/deploy.jar:deploy/target/lib/*" bench/gateway/StackOnFreePorts.java <data-dir>
 */
public class StackOnFreePorts {
    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "target/bench-stack").toAbsolutePath();
        Ports ports = Ports.free();
        HavenLocalStack stack = HavenLocalStack.start(Options.defaults().withDataDirectory(data).withPorts(ports));
        Files.writeString(data.resolve("ports.env"), """
                GATEWAY_PORT=%d
                CASE_PORT=%d
                ELIGIBILITY_PORT=%d
                NOTIFICATION_PORT=%d
                POSTGRES_PORT=%d
                """.formatted(ports.gateway(), ports.caseService(), ports.eligibilityService(), ports.notificationService(),
                ports.postgres()));
        System.out.println("Haven is up at " + stack.gatewayUrl());
        Thread.currentThread().join();
    }
}
