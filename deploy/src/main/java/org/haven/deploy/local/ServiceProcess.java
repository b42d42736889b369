package org.haven.deploy.local;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One Spring Boot process of the stack (a service or the gateway) in its own JVM, started from its boot
 * jar, with stdout and stderr appended to its log file. Can be stopped, killed and started again, which is
 * what crash tests need.
 */
public final class ServiceProcess {

    private static final Logger log = LoggerFactory.getLogger(ServiceProcess.class);
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(1))
            .build();

    private final String name;
    private final Path jar;
    private final int port;
    private final List<String> jvmOptions;
    private final List<String> arguments;
    private final Path logFile;
    private final Path runDirectory;
    private volatile Process process;
    private volatile boolean exitExpected;

    ServiceProcess(String name, Path jar, int port, List<String> jvmOptions, List<String> arguments,
                   Path logFile, Path runDirectory) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.arguments = List.copyOf(arguments);
        this.logFile = logFile;
        this.runDirectory = runDirectory;
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public URI baseUri() {
        return URI.create("http://localhost:" + port);
    }

    public Path logFile() {
        return logFile;
    }

    public Path jar() {
        return jar;
    }

    public boolean isAlive() {
        Process current = process;
        return current != null && current.isAlive();
    }

    public long pid() {
        Process current = process;
        if (current == null) {
            throw new IllegalStateException(name + " was never started");
        }
        return current.pid();
    }

    /** True when the process has ended without a stop or kill asked for it. */
    boolean exitedUnexpectedly() {
        Process current = process;
        return current != null && !exitExpected && !current.isAlive();
    }

    List<String> jvmOptions() {
        return jvmOptions;
    }

    List<String> command() {
        return command(jar, List.of());
    }

    /** This process's command line, run from another jar (an extracted copy of its own) with more JVM options. */
    List<String> command(Path otherJar, List<String> moreJvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(moreJvmOptions);
        command.add("-jar");
        command.add(otherJar.toString());
        command.addAll(arguments);
        return command;
    }

    /** The same process, not yet started, run from another jar with more JVM options ({@link StartupCaches}). */
    ServiceProcess withJar(Path otherJar, List<String> moreJvmOptions) {
        List<String> jvm = new ArrayList<>(jvmOptions);
        jvm.addAll(moreJvmOptions);
        return new ServiceProcess(name, otherJar, port, jvm, arguments, logFile, runDirectory);
    }

    /** Starts the JVM; does not wait for it to become healthy. */
    public synchronized void start() {
        if (isAlive()) {
            throw new IllegalStateException(name + " is already running (pid " + process.pid() + ")");
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No " + jar + ": build it first with ./mvnw -DskipTests package");
        }
        try {
            Files.createDirectories(logFile.getParent());
            Files.writeString(logFile, "=== " + Instant.now() + " starting " + name + ": " + String.join(" ", command())
                            + System.lineSeparator(),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            exitExpected = false;
            process = builder.start();
            Files.createDirectories(runDirectory);
            Files.writeString(pidFile(), Long.toString(process.pid()) + System.lineSeparator());
            Files.writeString(runDirectory.resolve(name + ".port"), port + System.lineSeparator());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
    }

    private Path pidFile() {
        return runDirectory.resolve(name + ".pid");
    }

    /** One health probe: {@code GET /actuator/health} answered 200. */
    public boolean healthy() {
        HttpRequest request = HttpRequest.newBuilder(baseUri().resolve("/actuator/health"))
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Throws with the end of the log when the process is gone while it is expected to run. */
    void checkRunning() {
        Process current = process;
        if (current == null) {
            throw new IllegalStateException(name + " was never started");
        }
        if (!current.isAlive()) {
            throw new StackStartupException(name + " exited with code " + current.exitValue()
                    + " before it became healthy", this);
        }
    }

    /** Asks for a graceful stop (SIGTERM) without waiting. */
    void requestStop() {
        Process current = process;
        exitExpected = true;
        if (current != null && current.isAlive()) {
            current.destroy();
        }
    }

    /** Waits for the exit after {@link #requestStop()}; forces it (SIGKILL) once {@code deadline} has passed. */
    void awaitExit(Instant deadline) {
        Process current = process;
        if (current == null) {
            return;
        }
        try {
            long millis = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
            if (!current.waitFor(millis, TimeUnit.MILLISECONDS)) {
                log.warn("{} (pid {}) did not stop after SIGTERM in time; killing it (see {})", name, current.pid(),
                        logFile);
                current.destroyForcibly();
                current.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            current.destroyForcibly();
        }
        deleteRunFiles();
    }

    /** SIGTERM, then SIGKILL after {@code grace}. */
    public void stop(Duration grace) {
        requestStop();
        awaitExit(Instant.now().plus(grace));
    }

    /** Like {@code kill -9}: no shutdown hooks, no graceful close. For crash tests. */
    public void kill() {
        Process current = process;
        exitExpected = true;
        if (current != null) {
            current.destroyForcibly();
            try {
                current.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        deleteRunFiles();
    }

    private void deleteRunFiles() {
        try {
            Files.deleteIfExists(pidFile());
            Files.deleteIfExists(runDirectory.resolve(name + ".port"));
        } catch (IOException ignored) {
            // only informational files for ./haven status
        }
    }

    Integer exitCode() {
        Process current = process;
        return current == null || current.isAlive() ? null : current.exitValue();
    }

    /** The last {@code lines} lines of the log, for error messages. */
    public String tail(int lines) {
        return tail(logFile, lines);
    }

    static String tail(Path file, int lines) {
        if (!Files.isRegularFile(file)) {
            return "(no log at " + file + ")";
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            int chunk = (int) Math.min(length, 256 * 1024);
            byte[] bytes = new byte[chunk];
            raf.seek(length - chunk);
            raf.readFully(bytes);
            String[] all = new String(bytes, StandardCharsets.UTF_8).split("\\R");
            int from = Math.max(0, all.length - lines);
            return String.join(System.lineSeparator(), List.of(all).subList(from, all.length));
        } catch (IOException e) {
            return "(could not read " + file + ": " + e.getMessage() + ")";
        }
    }

    @Override
    public String toString() {
        return name + " on port " + port;
    }
}
