package org.haven.infra;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node Kafka broker in KRaft mode, run from the {@code kafka_2.13} artifact in its own JVM,
 * so that it can be killed and restarted like a real broker. Storage is formatted once and kept.
 */
public final class LocalKafka implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalKafka.class);

    private final Path directory;
    private final int port;
    private final String classpath;
    private Process process;

    private LocalKafka(Path directory, int port, String classpath) {
        this.directory = directory;
        this.port = port;
        this.classpath = classpath;
    }

    /**
     * @param classpath a classpath holding {@code kafka_2.13} and its dependencies; the caller's own
     *                  classpath when it depends on this module
     */
    public static LocalKafka start(Path directory, int port, int controllerPort, String classpath) {
        LocalKafka kafka = new LocalKafka(directory, port, classpath);
        kafka.writeConfiguration(controllerPort);
        kafka.formatStorageOnce();
        kafka.launch();
        return kafka;
    }

    public static LocalKafka start(Path directory, int port, int controllerPort) {
        return start(directory, port, controllerPort, System.getProperty("java.class.path"));
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public long pid() {
        return process.pid();
    }

    private Path configFile() {
        return directory.resolve("server.properties");
    }

    private Path logDirectory() {
        return directory.resolve("data");
    }

    private void writeConfiguration(int controllerPort) {
        String config = """
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@localhost:%2$d
                listeners=PLAINTEXT://localhost:%1$d,CONTROLLER://localhost:%2$d
                advertised.listeners=PLAINTEXT://localhost:%1$d
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
                log.dirs=%3$s
                num.partitions=6
                auto.create.topics.enable=false
                offsets.topic.replication.factor=1
                offsets.topic.num.partitions=6
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                log.retention.hours=-1
                """.formatted(port, controllerPort, logDirectory().toAbsolutePath());
        try {
            Files.createDirectories(directory);
            Files.writeString(configFile(), config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void formatStorageOnce() {
        if (Files.exists(logDirectory().resolve("meta.properties"))) {
            return;
        }
        Process format = java("kafka.tools.StorageTool", "format",
                "-t", Uuid.randomUuid().toString(), "-c", configFile().toString())
                .redirectOutput(directory.resolve("format.log").toFile())
                .redirectErrorStream(true)
                .start0();
        try {
            if (!format.waitFor(120, TimeUnit.SECONDS) || format.exitValue() != 0) {
                throw new IllegalStateException("Formatting Kafka storage failed; see " + directory.resolve("format.log"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts the broker process (again, after {@link #kill()}) and waits until it answers. */
    public void launch() {
        process = java("kafka.Kafka", configFile().toString())
                .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("kafka.log").toFile()))
                .redirectErrorStream(true)
                .start0();
        awaitReady(Duration.ofSeconds(90));
        log.info("Kafka broker up at {} (pid {})", bootstrapServers(), process.pid());
    }

    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka exited with " + process.exitValue() + "; see " + directory.resolve("kafka.log"));
            }
            try (Admin admin = Admin.create(config)) {
                admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                return;
            } catch (Exception notYet) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Kafka did not become ready in " + timeout, notYet);
                }
                sleep(250);
            }
        }
    }

    /** Like {@code kill -9}: for crash tests. */
    public void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            waitForExit();
        }
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private JavaProcess java(String mainClass, String... arguments) {
        List<String> command = new ArrayList<>(List.of(
                JavaProcess.currentJavaExecutable(), "-Xms128m", "-Xmx512m", "-XX:+UseSerialGC",
                "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + log4jConfiguration(),
                "-cp", classpath, mainClass));
        command.addAll(List.of(arguments));
        return new JavaProcess(new ProcessBuilder(command).directory(directory.toFile()));
    }

    /** Kafka logs nothing at all without a log4j2 configuration. */
    private String log4jConfiguration() {
        Path file = directory.resolve("log4j2.properties");
        try {
            if (!Files.exists(file)) {
                Files.writeString(file, """
                        status = warn
                        appender.console.type = Console
                        appender.console.name = console
                        appender.console.layout.type = PatternLayout
                        appender.console.layout.pattern = %d{ISO8601} %-5p [%c{1}] %m%n
                        rootLogger.level = warn
                        rootLogger.appenderRef.console.ref = console
                        logger.kafka.name = kafka.server.KafkaRaftServer
                        logger.kafka.level = info
                        """);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file.toAbsolutePath().toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
