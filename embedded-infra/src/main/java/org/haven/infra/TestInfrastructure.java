package org.haven.infra;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;

/**
 * The real PostgreSQL and Kafka every integration test runs against, started once per test JVM:
 * Testcontainers when a Docker engine answers, otherwise the same embedded real servers that
 * {@code ./haven up} uses. Never H2, never an in-memory broker.
 */
public final class TestInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);
    private static TestInfrastructure shared;

    private final String adminJdbcUrl;
    private final String jdbcUrlPrefix;
    private final String username;
    private final String password;
    private final String bootstrapServers;
    private final LocalKafka localKafka;

    private TestInfrastructure(String jdbcUrlPrefix, String username, String password,
                               String bootstrapServers, LocalKafka localKafka) {
        this.jdbcUrlPrefix = jdbcUrlPrefix;
        this.adminJdbcUrl = jdbcUrlPrefix + "postgres";
        this.username = username;
        this.password = password;
        this.bootstrapServers = bootstrapServers;
        this.localKafka = localKafka;
    }

    public static synchronized TestInfrastructure shared() {
        if (shared == null) {
            shared = dockerAvailable() ? startContainers() : startEmbedded();
        }
        return shared;
    }

    private static boolean dockerAvailable() {
        if (Boolean.getBoolean("haven.tests.embedded")) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    @SuppressWarnings("resource") // stopped by Testcontainers' Ryuk when the JVM ends
    private static TestInfrastructure startContainers() {
        log.info("Docker available: tests use Testcontainers PostgreSQL and Kafka");
        PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:17.6-alpine");
        postgres.start();
        KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1");
        kafka.start();
        String prefix = "jdbc:postgresql://" + postgres.getHost() + ":" + postgres.getMappedPort(5432) + "/";
        return new TestInfrastructure(prefix, postgres.getUsername(), postgres.getPassword(),
                kafka.getBootstrapServers(), null);
    }

    private static TestInfrastructure startEmbedded() {
        log.info("No Docker engine: tests use embedded PostgreSQL and a Kafka broker process");
        Path root = Path.of("target", "test-infra").toAbsolutePath();
        Directories.deleteRecursively(root);
        LocalPostgres postgres = LocalPostgres.start(root.resolve("postgres"), freePort());
        LocalKafka kafka = LocalKafka.start(root.resolve("kafka"), freePort(), freePort());
        TestInfrastructure infrastructure = new TestInfrastructure(
                "jdbc:postgresql://localhost:" + postgres.port() + "/", postgres.username(), postgres.password(),
                kafka.bootstrapServers(), kafka);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.close();
            postgres.close();
        }, "test-infrastructure-stop"));
        return infrastructure;
    }

    /** A database of its own for one service; created on first use. */
    public String jdbcUrl(String database) {
        LocalPostgres.ensureDatabase(adminJdbcUrl, username, password, database);
        return jdbcUrlPrefix + database;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The embedded broker, for tests that kill and restart it; empty under Testcontainers. */
    public java.util.Optional<LocalKafka> localKafka() {
        return java.util.Optional.ofNullable(localKafka);
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
