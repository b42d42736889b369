package org.haven.deploy.local;

import org.haven.infra.Directories;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A JDK AOT cache for each service's JVM (JDK 25: classes loaded and linked ahead of time, JEP 483; one-step
 * training, JEP 514), which shortens the stack's start by about 40 % (bench/startup.sh). The JDK caches only
 * classes read from plain jars on the class path, not from the jars nested in a Spring Boot jar, so each boot jar
 * is first extracted (Spring Boot's {@code -Djarmode=tools extract}) into {@code <data>/aot/<module>/}. A cache is
 * then trained once per build: the service is started against the stack's PostgreSQL and Kafka with
 * {@code -XX:AOTCacheOutput} and {@code -Dspring.context.exit=onRefresh}, so it loads and links everything a real
 * start does and exits before it serves anything. Later starts run the extracted jar with {@code -XX:AOTCache}.
 *
 * <p>A cache only ever costs time: the JVM checks it against the jars and against itself, and runs without it
 * (logging an {@code [aot]} warning) when they differ; a training that fails or times out is logged and the service
 * starts from its boot jar as before. A new build (another boot jar), another JDK or other JVM options start over.
 */
final class StartupCaches {

    private static final Logger log = LoggerFactory.getLogger(StartupCaches.class);
    private static final String SOURCE_FILE = "source.txt";

    private final Path directory;
    private final Path logs;
    private final Duration trainingTimeout;

    StartupCaches(Path directory, Path logs, Duration trainingTimeout) {
        this.directory = directory;
        this.logs = logs;
        this.trainingTimeout = trainingTimeout;
    }

    /** One-step training and {@code -XX:AOTCache} with any garbage collector arrived in JDK 25. */
    static boolean supported() {
        return Runtime.version().feature() >= 25;
    }

    /**
     * The given processes, each started from its extracted jar with its cache where one is current; trains the
     * missing caches first (in parallel, against the running PostgreSQL and Kafka). A process whose cache could not
     * be made is returned unchanged.
     */
    List<ServiceProcess> apply(List<ServiceProcess> processes, BooleanSupplier stopping) {
        Map<ServiceProcess, Path> extracted = new LinkedHashMap<>();
        List<ServiceProcess> untrained = new ArrayList<>();
        for (ServiceProcess process : processes) {
            try {
                Path jar = extract(process);
                extracted.put(process, jar);
                if (!Files.isRegularFile(cacheOf(process))) {
                    untrained.add(process);
                }
            } catch (IOException | RuntimeException e) {
                log.warn("No start-up cache for {}: extracting {} failed ({}); it starts from its boot jar",
                        process.name(), process.jar(), e.toString());
            }
        }
        if (!untrained.isEmpty()) {
            train(untrained, extracted, stopping);
        }
        List<ServiceProcess> result = new ArrayList<>();
        for (ServiceProcess process : processes) {
            Path cache = cacheOf(process);
            result.add(extracted.containsKey(process) && Files.isRegularFile(cache)
                    ? process.withJar(extracted.get(process), List.of("-XX:AOTCache=" + cache))
                    : process);
        }
        return result;
    }

    private Path moduleDirectory(ServiceProcess process) {
        return directory.resolve(process.name());
    }

    private Path cacheOf(ServiceProcess process) {
        return moduleDirectory(process).resolve(process.name() + ".aot");
    }

    /**
     * The extracted application jar, extracted again (and the cache dropped) when the boot jar, the JDK or the
     * process's JVM options changed since the last extraction.
     */
    private Path extract(ServiceProcess process) throws IOException {
        Path target = moduleDirectory(process);
        Path extractedJar = target.resolve("app").resolve(process.jar().getFileName());
        String source = source(process);
        Path sourceFile = target.resolve(SOURCE_FILE);
        if (Files.isRegularFile(extractedJar) && Files.isRegularFile(sourceFile)
                && Files.readString(sourceFile, StandardCharsets.UTF_8).equals(source)) {
            return extractedJar;
        }
        Directories.deleteRecursively(target);
        Files.createDirectories(target);
        List<String> command = List.of(javaExecutable(), "-Djarmode=tools", "-jar", process.jar().toString(),
                "extract", "--destination", target.resolve("app").toString());
        Process extraction = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(trainingLog(process).toFile()))
                .start();
        try {
            if (!extraction.waitFor(60, TimeUnit.SECONDS) || extraction.exitValue() != 0) {
                extraction.destroyForcibly();
                throw new IOException("jarmode=tools extract did not finish with 0; see " + trainingLog(process));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            extraction.destroyForcibly();
            throw new IOException("interrupted", e);
        }
        if (!Files.isRegularFile(extractedJar)) {
            throw new IOException("no " + extractedJar + " after extracting");
        }
        Files.writeString(sourceFile, source, StandardCharsets.UTF_8);
        return extractedJar;
    }

    /** What a cache is valid for: this boot jar as built, this JDK, these JVM options. */
    private static String source(ServiceProcess process) throws IOException {
        Path jar = process.jar();
        return String.join("\n",
                "jar " + jar.toAbsolutePath(),
                "size " + Files.size(jar),
                "modified " + Files.getLastModifiedTime(jar).toMillis(),
                "java " + System.getProperty("java.home") + " " + Runtime.version(),
                "jvm " + String.join(" ", process.jvmOptions())) + "\n";
    }

    private void train(List<ServiceProcess> untrained, Map<ServiceProcess, Path> extracted, BooleanSupplier stopping) {
        Instant began = Instant.now();
        log.info("Training the start-up cache of {} (once per build; later starts are faster)",
                String.join(", ", untrained.stream().map(ServiceProcess::name).toList()));
        Map<ServiceProcess, Process> training = new LinkedHashMap<>();
        try {
            for (ServiceProcess process : untrained) {
                Path output = trainingOutput(process);
                Files.deleteIfExists(output);
                List<String> command = process.command(extracted.get(process),
                        List.of("-XX:AOTCacheOutput=" + output, "-Dspring.context.exit=onRefresh"));
                training.put(process, new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(trainingLog(process).toFile()))
                        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                        .start());
            }
            Instant deadline = began.plus(trainingTimeout);
            for (var entry : training.entrySet()) {
                ServiceProcess process = entry.getKey();
                Process run = entry.getValue();
                while (run.isAlive() && Instant.now().isBefore(deadline) && !stopping.getAsBoolean()) {
                    run.waitFor(200, TimeUnit.MILLISECONDS);
                }
                if (run.isAlive()) {
                    log.warn("Training the start-up cache of {} did not finish; it starts from its boot jar", process.name());
                    run.destroyForcibly();
                } else if (run.exitValue() != 0 || !Files.isRegularFile(trainingOutput(process))) {
                    log.warn("Training the start-up cache of {} failed (exit {}; see {}); it starts from its boot jar",
                            process.name(), run.exitValue(), trainingLog(process));
                } else {
                    Files.move(trainingOutput(process), cacheOf(process), StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                }
            }
        } catch (IOException e) {
            log.warn("Training the start-up caches failed ({}); the services start from their boot jars", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            training.values().forEach(Process::destroyForcibly);
        }
        log.info("Start-up caches trained after {} s", Duration.between(began, Instant.now()).toSeconds());
    }

    private Path trainingOutput(ServiceProcess process) {
        return moduleDirectory(process).resolve(process.name() + ".training.aot");
    }

    private Path trainingLog(ServiceProcess process) {
        return logs.resolve(process.name() + ".aot-training.log");
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
