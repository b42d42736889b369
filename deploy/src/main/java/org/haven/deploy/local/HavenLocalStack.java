package org.haven.deploy.local;

import org.haven.infra.LocalKafka;
import org.haven.infra.LocalPostgres;
import org.haven.infra.TestInfrastructure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * Haven's whole local stack on one machine without Docker: an embedded real PostgreSQL, a real single-node
 * Kafka broker (KRaft) in its own JVM, an SMTP capture (GreenMail), the three services and the gateway, each
 * in its own JVM.
 *
 * <p>{@code ./haven up} runs {@link #main(String[])}; tests call {@link #start(Options)} on free ports and get
 * a handle that can kill and restart single processes.
 */
public final class HavenLocalStack implements AutoCloseable {

    public static final String CASE_SERVICE = "case-service";
    public static final String ELIGIBILITY_SERVICE = "eligibility-service";
    public static final String NOTIFICATION_SERVICE = "notification-service";
    public static final String GATEWAY = "gateway";
    public static final String KAFKA = "kafka";
    /** The embedded PostgreSQL server, for {@link #kill(String)}, {@link #start(String)} and {@link #restart(String)}. */
    public static final String POSTGRES = "postgres";

    /** The services, each with the database it owns. */
    public static final Map<String, String> SERVICE_DATABASES = orderedMap(
            CASE_SERVICE, "haven_case",
            ELIGIBILITY_SERVICE, "haven_eligibility",
            NOTIFICATION_SERVICE, "haven_notification");

    /** The gateway's own database: organization API keys. */
    public static final String GATEWAY_DATABASE = "haven_gateway";

    public static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private static final Logger log = LoggerFactory.getLogger(HavenLocalStack.class);

    /** Every port the stack listens on. */
    public record Ports(int gateway, int caseService, int eligibilityService, int notificationService,
                        int postgres, int kafka, int kafkaController, int smtp) {

        /**
         * The documented ports of {@code ./haven up} (docs/internal-contracts.md); SMTP as in notification-service's
         * local profile.
         */
        public static Ports defaults() {
            return new Ports(8080, 8081, 8082, 8083, 15432, 19092, 19093, 13025);
        }

        /** Distinct free ports, for tests that run beside other stacks. */
        public static Ports free() {
            Set<Integer> ports = new LinkedHashSet<>();
            while (ports.size() < 8) {
                ports.add(TestInfrastructure.freePort());
            }
            var it = ports.iterator();
            return new Ports(it.next(), it.next(), it.next(), it.next(), it.next(), it.next(), it.next(), it.next());
        }

        public Ports withGateway(int port) {
            return new Ports(port, caseService, eligibilityService, notificationService, postgres, kafka,
                    kafkaController, smtp);
        }

        public int service(String name) {
            return switch (name) {
                case CASE_SERVICE -> caseService;
                case ELIGIBILITY_SERVICE -> eligibilityService;
                case NOTIFICATION_SERVICE -> notificationService;
                case GATEWAY -> gateway;
                default -> throw new IllegalArgumentException("No such service: " + name);
            };
        }
    }

    /**
     * @param repository         the Haven checkout; the boot jars are {@code <repository>/<module>/target/<module>.jar}
     * @param dataDirectory      PostgreSQL data, Kafka storage, logs; kept across restarts
     * @param startupTimeout     how long each stage (services, then gateway) may take to become healthy
     * @param kafkaClasspath     classpath of the broker's JVM: {@code kafka_2.13} and its dependencies
     * @param infrastructureOnly start PostgreSQL, Kafka and the SMTP capture only
     * @param replicas           instances of each service (1 to {@value #MAX_REPLICAS}); see {@link #replicaPort}
     * @param startupCaches      start the services (their first instances) with JDK AOT caches, trained on the first
     *                           start after a build ({@link StartupCaches}); on for {@code ./haven up}, off for tests
     */
    public record Options(Path repository, Path dataDirectory, Ports ports, Duration startupTimeout,
                          String kafkaClasspath, boolean infrastructureOnly, int replicas, boolean startupCaches) {

        /** Two cores and a few GB run two of each; more would only show the machine's limits. */
        public static final int MAX_REPLICAS = 3;

        public Options {
            if (replicas < 1 || replicas > MAX_REPLICAS) {
                throw new IllegalArgumentException("replicas must be 1 to " + MAX_REPLICAS + ", not " + replicas);
            }
        }

        public static Options defaults() {
            Path repository = locateRepository();
            return new Options(repository, repository.resolve(".haven"), Ports.defaults(), Duration.ofSeconds(180),
                    System.getProperty("java.class.path"), false, 1, false);
        }

        public Options withRepository(Path value) {
            return new Options(value.toAbsolutePath().normalize(), dataDirectory, ports, startupTimeout, kafkaClasspath,
                    infrastructureOnly, replicas, startupCaches);
        }

        public Options withDataDirectory(Path value) {
            return new Options(repository, value.toAbsolutePath().normalize(), ports, startupTimeout, kafkaClasspath,
                    infrastructureOnly, replicas, startupCaches);
        }

        public Options withPorts(Ports value) {
            return new Options(repository, dataDirectory, value, startupTimeout, kafkaClasspath, infrastructureOnly, replicas, startupCaches);
        }

        public Options withStartupTimeout(Duration value) {
            return new Options(repository, dataDirectory, ports, value, kafkaClasspath, infrastructureOnly, replicas, startupCaches);
        }

        public Options withKafkaClasspath(String value) {
            return new Options(repository, dataDirectory, ports, startupTimeout, value, infrastructureOnly, replicas, startupCaches);
        }

        public Options withInfrastructureOnly(boolean value) {
            return new Options(repository, dataDirectory, ports, startupTimeout, kafkaClasspath, value, replicas, startupCaches);
        }

        public Options withReplicas(int value) {
            return new Options(repository, dataDirectory, ports, startupTimeout, kafkaClasspath, infrastructureOnly, value, startupCaches);
        }

        public Options withStartupCaches(boolean value) {
            return new Options(repository, dataDirectory, ports, startupTimeout, kafkaClasspath, infrastructureOnly, replicas, value);
        }

        /**
         * Port of a service's n-th instance: the first has the service's own port, the others 100 above per
         * instance (case-service 8081, 8181, 8281).
         */
        public int replicaPort(String service, int instance) {
            return ports.service(service) + 100 * (instance - 1);
        }

        public Path jar(String module) {
            return repository.resolve(module).resolve("target").resolve(module + ".jar");
        }

        Path logs() {
            return dataDirectory.resolve("logs");
        }

        Path run() {
            return dataDirectory.resolve("run");
        }
    }

    private final Options options;
    private final Map<String, ServiceProcess> processes = new LinkedHashMap<>();
    private final CountDownLatch stoppedLatch = new CountDownLatch(1);
    private LocalPostgres postgres;
    private LocalKafka kafka;
    private LocalMail mail;
    private boolean stopping;
    private Thread shutdownHook;

    private HavenLocalStack(Options options) {
        this.options = options;
    }

    /** Starts everything and returns once the gateway is healthy; stops what it started if anything fails. */
    public static HavenLocalStack start(Options options) {
        HavenLocalStack stack = new HavenLocalStack(options);
        stack.startAll();
        return stack;
    }

    private void startAll() {
        Instant began = Instant.now();
        try {
            shutdownHook = new Thread(this::stop, "haven-local-stack-stop");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
            if (!options.infrastructureOnly()) {
                requireJars();
            }
            requireFreePorts();
            prepareDirectories(); // after the port check: never rotate the logs of a stack that still runs
            startPostgres();
            startKafka();
            startMail();
            if (options.infrastructureOnly()) {
                log.info("PostgreSQL, Kafka and the SMTP capture are up after {}", seconds(began));
                return;
            }
            List<ServiceProcess> firstInstances = new ArrayList<>();
            for (String name : SERVICE_DATABASES.keySet()) {
                firstInstances.add(service(name));
            }
            firstInstances.add(gateway());
            if (options.startupCaches() && StartupCaches.supported()) {
                // Training starts all four JVMs at once and then writes their caches: give it twice a start's time.
                firstInstances = new StartupCaches(options.dataDirectory().resolve("aot"), options.logs(),
                        options.startupTimeout().multipliedBy(2)).apply(firstInstances, this::isStopping);
            }
            List<ServiceProcess> services = new ArrayList<>();
            ServiceProcess gatewayProcess = null;
            for (ServiceProcess process : firstInstances) {
                if (GATEWAY.equals(process.name())) {
                    gatewayProcess = process;
                } else {
                    services.add(launch(process));
                }
            }
            for (int instance = 2; instance <= options.replicas(); instance++) {
                for (String name : SERVICE_DATABASES.keySet()) {
                    services.add(launch(replica(name, instance)));
                }
            }
            // The gateway starts with the services (it needs none of them to boot) but is awaited after them:
            // its health is UP only when the services behind it are.
            ServiceProcess gateway = launch(Objects.requireNonNull(gatewayProcess));
            awaitHealthy(services);
            awaitHealthy(List.of(gateway));
            log.info("Haven is healthy after {}", seconds(began));
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    private void prepareDirectories() {
        try {
            Files.createDirectories(options.logs());
            Files.createDirectories(options.run());
            Files.createDirectories(options.dataDirectory().resolve("tmp"));
            // One previous log of each process is kept, so that a crash of the last run can still be read.
            for (String name : processAndReplicaNames()) {
                rotate(options.logs().resolve(name + ".log"));
            }
            rotate(options.logs().resolve("postgres.log"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare " + options.dataDirectory(), e);
        }
    }

    private static void rotate(Path log) throws IOException {
        if (Files.exists(log)) {
            Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private List<String> processNames() {
        List<String> names = new ArrayList<>(SERVICE_DATABASES.keySet());
        names.add(GATEWAY);
        return names;
    }

    private List<String> processAndReplicaNames() {
        List<String> names = processNames();
        for (int instance = 2; instance <= options.replicas(); instance++) {
            for (String name : SERVICE_DATABASES.keySet()) {
                names.add(name + "-" + instance);
            }
        }
        return names;
    }

    private void requireJars() {
        List<String> missing = processNames().stream()
                .map(options::jar)
                .filter(jar -> !Files.isRegularFile(jar))
                .map(Path::toString)
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Missing boot jars (build with ./mvnw -DskipTests package): "
                    + String.join(", ", missing));
        }
    }

    private void requireFreePorts() {
        Ports ports = options.ports();
        Map<String, Integer> needed = new LinkedHashMap<>();
        needed.put("PostgreSQL", ports.postgres());
        needed.put("Kafka", ports.kafka());
        needed.put("Kafka controller", ports.kafkaController());
        needed.put("SMTP capture", ports.smtp());
        if (!options.infrastructureOnly()) {
            for (String name : processNames()) {
                needed.put(name, ports.service(name));
            }
            for (int instance = 2; instance <= options.replicas(); instance++) {
                for (String name : SERVICE_DATABASES.keySet()) {
                    needed.put(name + "-" + instance, options.replicaPort(name, instance));
                }
            }
        }
        Set<Integer> distinct = new HashSet<>(needed.values());
        if (distinct.size() != needed.size()) {
            throw new IllegalArgumentException("Two processes of the stack were given the same port: " + needed);
        }
        needed.forEach((name, port) -> {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(port));
            } catch (IOException e) {
                String hint = GATEWAY.equals(name) ? " Another gateway port: HAVEN_PORT=<port>" : "";
                throw new IllegalStateException("Port " + port + " (" + name + ") is already in use. Is Haven already "
                        + "running (./haven status)?" + hint);
            }
        });
    }

    private void startPostgres() {
        LauncherLogging.routePostgresOutputTo(options.logs().resolve("postgres.log"));
        Path data = options.dataDirectory().resolve("postgres");
        log.info("Starting PostgreSQL on port {} (data {})", options.ports().postgres(), data);
        LocalPostgres started = LocalPostgres.start(data, options.ports().postgres());
        synchronized (this) {
            if (stopping) {
                started.close();
                throw new IllegalStateException("Stopped while starting");
            }
            postgres = started;
        }
        for (String database : SERVICE_DATABASES.values()) {
            started.ensureDatabase(database);
        }
        started.ensureDatabase(GATEWAY_DATABASE);
    }

    private void startKafka() {
        Path directory = options.dataDirectory().resolve("kafka");
        log.info("Starting Kafka on port {} (storage {})", options.ports().kafka(), directory);
        LocalKafka started = LocalKafka.start(directory, options.ports().kafka(), options.ports().kafkaController(),
                absoluteClasspath(options.kafkaClasspath()));
        synchronized (this) {
            if (stopping) {
                started.close();
                throw new IllegalStateException("Stopped while starting");
            }
            kafka = started;
        }
        writeRunFile(KAFKA + ".pid", started.pid());
        writeRunFile(KAFKA + ".port", options.ports().kafka());
        linkLog(KAFKA + ".log", Path.of("..", "kafka", "kafka.log"));
    }

    private void startMail() {
        LocalMail started = LocalMail.start(options.ports().smtp(), options.dataDirectory().resolve("mail"));
        synchronized (this) {
            if (stopping) {
                started.close();
                throw new IllegalStateException("Stopped while starting");
            }
            mail = started;
        }
    }

    private void linkLog(String name, Path target) {
        Path link = options.logs().resolve(name);
        try {
            if (!Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
                Files.createSymbolicLink(link, target);
            }
        } catch (IOException | UnsupportedOperationException e) {
            log.debug("No link {} -> {}", link, target, e);
        }
    }

    private void writeRunFile(String name, long value) {
        try {
            Files.writeString(options.run().resolve(name), value + System.lineSeparator());
        } catch (IOException e) {
            log.debug("Could not write {}", name, e);
        }
    }

    /** Relative entries would break in the broker's JVM, which runs in its own directory. */
    static String absoluteClasspath(String classpath) {
        return Arrays.stream(classpath.split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(entry -> Path.of(entry).toAbsolutePath().normalize().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }

    private List<String> jvmOptions() {
        return jvmOptions(List.of("-Xms256m", "-Xmx512m", "-XX:+UseParallelGC"));
    }

    private List<String> jvmOptions(List<String> heap) {
        List<String> jvm = new ArrayList<>(heap);
        jvm.addAll(List.of(
                "-Daxoniq.update-checker.disabled=true",
                // Tomcat and friends write under java.io.tmpdir; keep that inside the data directory.
                "-Djava.io.tmpdir=" + options.dataDirectory().resolve("tmp")));
        if (Runtime.version().feature() >= 24) {
            jvm.add("--enable-native-access=ALL-UNNAMED"); // Netty's native access warning on JDK 24+
        }
        return jvm;
    }

    private ServiceProcess service(String name) {
        return service(name, name, options.ports().service(name));
    }

    /**
     * The n-th instance of a service in {@code --replicas} mode: same database and consumer group, a smaller heap
     * and the serial collector, so that two of each fit beside the first ones on a small machine.
     */
    private ServiceProcess replica(String name, int instance) {
        return service(name, name + "-" + instance, options.replicaPort(name, instance),
                jvmOptions(List.of("-Xms128m", "-Xmx320m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")));
    }

    private ServiceProcess service(String name, String instance, int port) {
        return service(name, instance, port, jvmOptions());
    }

    private ServiceProcess service(String name, String instance, int port, List<String> jvm) {
        Ports ports = options.ports();
        String jdbcUrl = "jdbc:postgresql://localhost:" + ports.postgres() + "/" + SERVICE_DATABASES.get(name);
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.profiles.active=local",
                "--server.port=" + port,
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=" + postgres.username(),
                "--spring.datasource.password=" + postgres.password(),
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers()));
        if (NOTIFICATION_SERVICE.equals(name)) {
            arguments.add("--spring.mail.host=localhost");
            arguments.add("--spring.mail.port=" + ports.smtp());
        }
        return new ServiceProcess(instance, options.jar(name), port, jvm, arguments,
                options.logs().resolve(instance + ".log"), options.run());
    }

    private ServiceProcess gateway() {
        Ports ports = options.ports();
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.profiles.active=local",
                "--server.port=" + ports.gateway(),
                "--spring.datasource.url=jdbc:postgresql://localhost:" + ports.postgres() + "/" + GATEWAY_DATABASE,
                "--spring.datasource.username=" + postgres.username(),
                "--spring.datasource.password=" + postgres.password(),
                "--haven.gateway.services.case=http://localhost:" + ports.caseService(),
                "--haven.gateway.services.eligibility=http://localhost:" + ports.eligibilityService(),
                "--haven.gateway.services.notification=http://localhost:" + ports.notificationService()));
        if (options.replicas() > 1) {
            // every instance, for the gateway's load balancer (the list replaces the one-instance default)
            for (String service : SERVICE_DATABASES.keySet()) {
                for (int instance = 1; instance <= options.replicas(); instance++) {
                    arguments.add("--spring.cloud.discovery.client.simple.instances." + service + "[" + (instance - 1)
                            + "].uri=http://localhost:" + options.replicaPort(service, instance));
                }
            }
        }
        return newProcess(GATEWAY, arguments);
    }

    private ServiceProcess newProcess(String name, List<String> arguments) {
        return new ServiceProcess(name, options.jar(name), options.ports().service(name), jvmOptions(), arguments,
                options.logs().resolve(name + ".log"), options.run());
    }

    private ServiceProcess launch(ServiceProcess process) {
        synchronized (this) {
            if (stopping) {
                throw new IllegalStateException("Stopped while starting");
            }
            processes.put(process.name(), process);
            log.info("Starting {} on port {} (log {})", process.name(), process.port(), process.logFile());
            process.start();
        }
        return process;
    }

    private void awaitHealthy(List<ServiceProcess> starting) {
        Instant began = Instant.now();
        Instant deadline = began.plus(options.startupTimeout());
        List<ServiceProcess> pending = new ArrayList<>(starting);
        while (!pending.isEmpty()) {
            for (var it = pending.iterator(); it.hasNext(); ) {
                ServiceProcess process = it.next();
                if (isStopping()) {
                    throw new IllegalStateException("Stopped while starting");
                }
                process.checkRunning();
                if (process.healthy()) {
                    log.info("{} is healthy at {} (pid {}, {})", process.name(), process.baseUri(), process.pid(),
                            seconds(began));
                    it.remove();
                }
            }
            if (!pending.isEmpty()) {
                if (Instant.now().isAfter(deadline)) {
                    throw new StackStartupException(pending.stream().map(ServiceProcess::name)
                            .collect(Collectors.joining(", ")) + " did not answer 200 on /actuator/health within "
                            + options.startupTimeout().toSeconds() + " s", pending);
                }
                sleep(500);
            }
        }
    }

    private synchronized boolean isStopping() {
        return stopping;
    }

    /** Gateway and services (SIGTERM, forced after 20 s), then Kafka, then PostgreSQL. Idempotent. */
    public void stop() {
        List<ServiceProcess> running;
        LocalMail mailToStop;
        LocalKafka kafkaToStop;
        LocalPostgres postgresToStop;
        synchronized (this) {
            if (stopping) {
                awaitStopped();
                return;
            }
            stopping = true;
            running = new ArrayList<>(processes.values());
            mailToStop = mail;
            kafkaToStop = kafka;
            postgresToStop = postgres;
        }
        Instant began = Instant.now();
        try {
            if (!running.isEmpty() || kafkaToStop != null || postgresToStop != null) {
                log.info("Stopping Haven");
            }
            running.forEach(ServiceProcess::requestStop);
            Instant deadline = began.plus(STOP_GRACE);
            running.forEach(process -> process.awaitExit(deadline));
            if (mailToStop != null) {
                quietly("the SMTP capture", mailToStop::close);
            }
            if (kafkaToStop != null) {
                quietly("Kafka", kafkaToStop::close);
                deleteRunFile(KAFKA + ".pid");
                deleteRunFile(KAFKA + ".port");
            }
            if (postgresToStop != null) {
                quietly("PostgreSQL", postgresToStop::close);
            }
            if (!running.isEmpty() || kafkaToStop != null || postgresToStop != null) {
                log.info("Haven stopped after {}", seconds(began));
            }
        } finally {
            removeShutdownHook();
            stoppedLatch.countDown();
        }
    }

    private void awaitStopped() {
        try {
            stoppedLatch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void removeShutdownHook() {
        Thread hook = shutdownHook;
        if (hook != null && Thread.currentThread() != hook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shutdownInProgress) {
                // the hook is running or about to run; stop() is idempotent
            }
        }
    }

    private void deleteRunFile(String name) {
        try {
            Files.deleteIfExists(options.run().resolve(name));
        } catch (IOException ignored) {
            // informational only
        }
    }

    private static void quietly(String what, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            log.warn("Stopping {} failed", what, e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    public URI gatewayUrl() {
        return URI.create("http://localhost:" + options.ports().gateway());
    }

    public Options options() {
        return options;
    }

    /** A service or the gateway, by module name. */
    public synchronized ServiceProcess process(String name) {
        ServiceProcess process = processes.get(name);
        if (process == null) {
            throw new IllegalArgumentException("No process " + name + "; known: " + processes.keySet());
        }
        return process;
    }

    public synchronized LocalKafka kafka() {
        if (kafka == null) {
            throw new IllegalStateException("Kafka is not running");
        }
        return kafka;
    }

    public synchronized LocalMail mail() {
        if (mail == null) {
            throw new IllegalStateException("The SMTP capture is not running");
        }
        return mail;
    }

    public synchronized LocalPostgres postgres() {
        if (postgres == null) {
            throw new IllegalStateException("PostgreSQL is not running");
        }
        return postgres;
    }

    /**
     * Like {@code kill -9} of one process ({@link #KAFKA}, a module name or another instance's name), for crash
     * tests. {@link #POSTGRES} is stopped with {@code pg_ctl stop -m immediate}: every server process quits at once,
     * without a checkpoint, as in a crash.
     */
    public void kill(String name) {
        if (KAFKA.equals(name)) {
            kafka().kill();
        } else if (POSTGRES.equals(name)) {
            postgres().stopImmediately();
        } else {
            process(name).kill();
        }
    }

    /** Starts a killed process again and waits until it is healthy. */
    public void start(String name) {
        if (KAFKA.equals(name)) {
            kafka().launch();
            writeRunFile(KAFKA + ".pid", kafka().pid());
        } else if (POSTGRES.equals(name)) {
            postgres().launch();
        } else {
            ServiceProcess process = process(name);
            process.start();
            awaitHealthy(List.of(process));
        }
    }

    /** Graceful stop (SIGTERM, forced after 20 s), start, wait until healthy. */
    public void restart(String name) {
        if (KAFKA.equals(name)) {
            kafka().close();
            start(name);
        } else if (POSTGRES.equals(name)) {
            postgres().close();
            start(name);
        } else {
            process(name).stop(STOP_GRACE);
            start(name);
        }
    }

    /**
     * Starts one more instance of a service beside the running one, on {@code port}, with the same database and
     * Kafka consumer group, and waits until it is healthy. The running gateway does not know it (its instance list
     * is fixed at its start, see {@code Options.replicas}); the new one is reached on its own port. Its name ({@code <service>-<n>}) is its log's name and is what
     * {@link #process}, {@link #kill} and {@link #start} take; the stack stops it with the others.
     */
    public ServiceProcess startInstance(String service, int port) {
        if (!SERVICE_DATABASES.containsKey(service)) {
            throw new IllegalArgumentException("Not a service: " + service + "; services: " + SERVICE_DATABASES.keySet());
        }
        ServiceProcess instance;
        synchronized (this) {
            int n = 2;
            while (processes.containsKey(service + "-" + n)) {
                n++;
            }
            instance = launch(service(service, service + "-" + n, port));
        }
        awaitHealthy(List.of(instance));
        return instance;
    }

    /** Blocks while the stack runs, and says so when a process ends without being asked to. */
    void watch() {
        Set<String> reported = new HashSet<>();
        while (!isStopping()) {
            List<ServiceProcess> current;
            synchronized (this) {
                current = new ArrayList<>(processes.values());
            }
            for (ServiceProcess process : current) {
                if (process.exitedUnexpectedly()) {
                    if (reported.add(process.name() + process.pid())) {
                        log.warn("{} exited unexpectedly with code {}; see {}", process.name(), process.exitCode(),
                                process.logFile());
                    }
                }
            }
            sleep(2000);
        }
        awaitStopped();
    }

    /**
     * The checkout that holds this module: {@code -Dhaven.home}, else found upwards from this class's location or
     * from the working directory.
     */
    static Path locateRepository() {
        String explicit = System.getProperty("haven.home");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit).toAbsolutePath().normalize();
        }
        try {
            var source = HavenLocalStack.class.getProtectionDomain().getCodeSource();
            if (source != null) {
                Optional<Path> found = findRepositoryUpwards(Path.of(source.getLocation().toURI()));
                if (found.isPresent()) {
                    return found.get();
                }
            }
        } catch (URISyntaxException | SecurityException | IllegalArgumentException ignored) {
            // fall back to the working directory
        }
        return findRepositoryUpwards(Path.of("").toAbsolutePath())
                .orElseThrow(() -> new IllegalStateException(
                        "Cannot find the Haven checkout; run from inside it or pass -Dhaven.home=<checkout>"));
    }

    private static Optional<Path> findRepositoryUpwards(Path start) {
        for (Path candidate = start.toAbsolutePath().normalize(); candidate != null;
             candidate = candidate.getParent()) {
            if (Files.isRegularFile(candidate.resolve("mvnw")) && Files.isRegularFile(candidate.resolve("pom.xml"))
                    && Files.isDirectory(candidate.resolve("deploy"))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static String seconds(Instant since) {
        return String.format("%.1f s", Duration.between(since, Instant.now()).toMillis() / 1000.0);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    // ---------------------------------------------------------------------------------------------------
    // Command line: java -cp "deploy/target/deploy.jar:deploy/target/lib/*" org.haven.deploy.local.HavenLocalStack

    private static final String USAGE = """
            Usage: HavenLocalStack [--data <dir>] [--infra-only] [--replicas <n>] [--no-startup-cache] [<dir>]
              <dir>, --data <dir>  data directory (default <checkout>/.haven): PostgreSQL data, Kafka storage, logs
              --infra-only         start PostgreSQL, Kafka and the SMTP capture only
              --no-startup-cache   start the services from their boot jars, without the JDK AOT caches that the
                                   first start after a build trains (in <data>/aot) and later starts use
              --replicas <n>       n instances (1 to 3) of each service; instance k listens 100*(k-1) above the
                                   service's port; the gateway balances requests over all of them
            Environment: HAVEN_PORT moves the gateway (default 8080).""";

    public static void main(String[] args) {
        Options options;
        try {
            options = parseArguments(args, System.getenv("HAVEN_PORT"));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        Path pidFile = options.dataDirectory().resolve("haven.pid");
        claimPidFile(pidFile);
        HavenLocalStack stack = new HavenLocalStack(options);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> releasePidFile(pidFile), "haven-pid-file"));
        AtomicBoolean signalled = installSignalHandlers(stack, pidFile);
        try {
            stack.startAll();
        } catch (RuntimeException e) {
            if (signalled.get()) {
                stack.awaitStopped(); // a signal interrupted the start; its handler stops and exits
                sleep(Long.MAX_VALUE);
            }
            System.err.println("Haven did not start: " + describe(e));
            releasePidFile(pidFile);
            System.exit(1);
        }
        if (options.infrastructureOnly()) {
            Ports ports = options.ports();
            System.out.println("Haven infrastructure is up: PostgreSQL at jdbc:postgresql://localhost:"
                    + ports.postgres() + "/ (postgres/postgres), Kafka at localhost:" + ports.kafka()
                    + ", SMTP capture at localhost:" + ports.smtp());
        } else {
            System.out.println("Haven is up at " + stack.gatewayUrl());
        }
        System.out.flush();
        stack.watch();
    }

    static Options parseArguments(String[] args, String havenPort) {
        Options options = Options.defaults().withStartupCaches(true);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--infra-only" -> options = options.withInfrastructureOnly(true);
                case "--no-startup-cache" -> options = options.withStartupCaches(false);
                case "--data" -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("--data needs a directory");
                    }
                    options = options.withDataDirectory(Path.of(args[++i]));
                }
                case "--replicas" -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("--replicas needs a number");
                    }
                    String value = args[++i];
                    try {
                        options = options.withReplicas(Integer.parseInt(value));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--replicas is not a number: " + value);
                    }
                }
                case "-h", "--help" -> {
                    System.out.println(USAGE);
                    System.exit(0);
                }
                default -> {
                    if (arg.startsWith("-")) {
                        throw new IllegalArgumentException("Unknown option " + arg);
                    }
                    options = options.withDataDirectory(Path.of(arg));
                }
            }
        }
        if (havenPort != null && !havenPort.isBlank()) {
            int port;
            try {
                port = Integer.parseInt(havenPort.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("HAVEN_PORT is not a port: " + havenPort);
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("HAVEN_PORT is not a port: " + havenPort);
            }
            options = options.withPorts(options.ports().withGateway(port));
        }
        return options;
    }

    private static void claimPidFile(Path pidFile) {
        try {
            Files.createDirectories(pidFile.getParent());
            if (Files.exists(pidFile)) {
                Optional<ProcessHandle> other = readPid(pidFile).flatMap(ProcessHandle::of)
                        .filter(ProcessHandle::isAlive)
                        .filter(process -> process.info().commandLine()
                                .map(command -> command.contains(HavenLocalStack.class.getName()))
                                .orElse(true));
                if (other.isPresent() && other.get().pid() != ProcessHandle.current().pid()) {
                    System.err.println("Haven already runs from " + pidFile.getParent() + " (pid " + other.get().pid()
                            + "); stop it with ./haven down");
                    System.exit(1);
                }
            }
            Files.writeString(pidFile, ProcessHandle.current().pid() + System.lineSeparator());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + pidFile, e);
        }
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            return Optional.of(Long.parseLong(Files.readString(pidFile).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void releasePidFile(Path pidFile) {
        if (readPid(pidFile).filter(pid -> pid == ProcessHandle.current().pid()).isPresent()) {
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException ignored) {
                // a stale pid file is detected on the next start
            }
        }
    }

    /**
     * Ctrl-C and SIGTERM stop the processes in order. A plain shutdown hook cannot: zonky registers its own
     * hook that stops PostgreSQL, and hooks run concurrently. Handling the signals first keeps the order; the
     * shutdown hooks remain for any other way out.
     */
    private static AtomicBoolean installSignalHandlers(HavenLocalStack stack, Path pidFile) {
        AtomicBoolean handling = new AtomicBoolean();
        for (String name : List.of("INT", "TERM", "HUP")) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    if (!handling.compareAndSet(false, true)) {
                        System.err.println("Haven is stopping, please wait");
                        return;
                    }
                    Thread stopper = new Thread(() -> {
                        try {
                            stack.stop();
                        } finally {
                            releasePidFile(pidFile);
                            System.exit(0);
                        }
                    }, "haven-stop-on-SIG" + signal.getName());
                    stopper.start();
                });
            } catch (IllegalArgumentException | UnsupportedOperationException unavailable) {
                log.debug("Cannot handle SIG{}; the shutdown hook stops the stack", name, unavailable);
            }
        }
        return handling;
    }

    private static String describe(Throwable error) {
        StringBuilder text = new StringBuilder(String.valueOf(error.getMessage()));
        Set<Throwable> seen = new HashSet<>();
        for (Throwable cause = error.getCause(); cause != null && seen.add(cause); cause = cause.getCause()) {
            text.append(System.lineSeparator()).append("  caused by: ").append(cause);
        }
        return text.toString();
    }
}
