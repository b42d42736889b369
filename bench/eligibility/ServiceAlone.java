import org.haven.infra.LocalKafka;
import org.haven.infra.LocalPostgres;
import org.haven.infra.TestInfrastructure;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * eligibility-service on its own for a benchmark: an embedded PostgreSQL and a Kafka broker on free ports, and the
 * service jar on the given port with the local profile. Prints "ready <url>" when the service answers its health
 * check, and stops everything it started when it is stopped itself (SIGTERM) or after --max-seconds.
 *
 * <p>Run by run-direct.sh with deploy/target/lib on the classpath (embedded-infra and Kafka).
 */
public class ServiceAlone {

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]).toAbsolutePath();
        Path jar = Path.of(args[1]).toAbsolutePath();
        int port = Integer.parseInt(args[2]);
        long maxSeconds = Long.parseLong(args[3]);
        Files.createDirectories(root);

        LocalPostgres postgres = LocalPostgres.start(root.resolve("postgres"), TestInfrastructure.freePort());
        postgres.ensureDatabase("haven_eligibility");
        LocalKafka kafka = LocalKafka.start(root.resolve("kafka"), TestInfrastructure.freePort(), TestInfrastructure.freePort());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process service = new ProcessBuilder(List.of(java, "-jar", jar.toString(), "--spring.profiles.active=local",
                "--server.port=" + port, "--spring.datasource.url=" + postgres.jdbcUrl("haven_eligibility"),
                "--spring.datasource.username=" + postgres.username(), "--spring.datasource.password=" + postgres.password(),
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers()))
                .redirectErrorStream(true).redirectOutput(root.resolve("eligibility-service.log").toFile()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.destroy();
            try {
                service.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            kafka.close();
            postgres.close();
        }));

        HttpClient http = HttpClient.newHttpClient();
        URI health = URI.create("http://localhost:" + port + "/actuator/health");
        Instant giveUp = Instant.now().plusSeconds(180);
        while (true) {
            try {
                if (http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    break;
                }
            } catch (java.io.IOException notYet) {
                // starting
            }
            if (Instant.now().isAfter(giveUp) || !service.isAlive()) {
                System.out.println("failed: see " + root.resolve("eligibility-service.log"));
                System.exit(1);
            }
            Thread.sleep(500);
        }
        System.out.println("ready http://localhost:" + port);
        Thread.sleep(Duration.ofSeconds(maxSeconds));
        System.exit(0);
    }
}
