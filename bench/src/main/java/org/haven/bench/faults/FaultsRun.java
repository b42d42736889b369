package org.haven.bench.faults;

import static org.haven.infra.Directories.deleteRecursively;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.haven.deploy.local.HavenLocalStack;
import org.haven.deploy.local.HavenLocalStack.Options;
import org.haven.deploy.local.HavenLocalStack.Ports;
import org.haven.deploy.local.ServiceProcess;
import org.haven.infra.TestInfrastructure;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The crash tests of issue 9: the whole local stack on free ports in its own data directory, a steady load of
 * writes through the gateway, and one fault at a time — kill -9 of case-service, of notification-service, of the
 * Kafka broker, an immediate stop of PostgreSQL, and two instances of case-service and notification-service at
 * once. After each, {@link Checker} proves that every accepted command's event is in the store, on Kafka and in the
 * projections, that nothing was applied twice and that no notification went out twice.
 * <pre>
 * java -cp 'bench/target/bench.jar:bench/target/lib/*' -Dhaven.home=$PWD org.haven.bench.faults.FaultsRun [options]
 *   --data DIR          data directory of the test's stack (deleted first)     default bench/target/faults-stack
 *   --cases a,b         case-service,notification-service,kafka,postgres,two-instances (default: all)
 *   --clients N         concurrent writers (virtual threads)                    default 4
 *   --pause-ms N        pause of each writer between commands                   default 150
 *   --before S --outage S --after S   seconds of load before the fault, down time, load after recovery (8, 5, 8)
 *   --settle S          how long the checker waits for the asynchronous parts   default 90
 *   --budget S          hard limit of the whole run                             default 900
 * </pre>
 */
public final class FaultsRun {

    static final String CASEWORKER = "hvn_dev_a_caseworker";
    static final String ADMIN = "hvn_dev_a_admin";
    static final List<String> ALL_CASES = List.of("case-service", "notification-service", "kafka", "postgres", "two-instances");

    private final Map<String, String> options;
    private final Http http = new Http();
    private final ConcurrentLinkedQueue<Accepted> everything = new ConcurrentLinkedQueue<>();
    private final List<String[]> summary = new ArrayList<>();
    private final Instant began = Instant.now();
    private HavenLocalStack stack;
    private Checker checker;

    private FaultsRun(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("Expected --option value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        FaultsRun run = new FaultsRun(options);
        long budget = run.seconds("budget", 900);
        Thread watchdog = Thread.ofPlatform().daemon().start(() -> {
            try {
                Thread.sleep(Duration.ofSeconds(budget));
                System.out.println("ABORTED: the run exceeded its budget of " + budget + " s; stopping the stack");
                System.out.flush();
                System.exit(3); // HavenLocalStack's shutdown hook stops every process it started
            } catch (InterruptedException done) {
                // finished in time
            }
        });
        boolean pass;
        try {
            pass = run.run();
        } finally {
            watchdog.interrupt();
        }
        System.exit(pass ? 0 : 1);
    }

    private boolean run() {
        Path data = Path.of(options.getOrDefault("data", "bench/target/faults-stack")).toAbsolutePath().normalize();
        if (data.getFileName().toString().equals(".haven") || Files.exists(data.resolve("haven.pid"))) {
            throw new IllegalArgumentException(data + " looks like a developer's stack (./haven up); the crash tests delete"
                    + " their data directory first, so give them one of their own");
        }
        deleteRecursively(data);
        Ports ports = Ports.free();
        System.out.printf("== Starting the stack in %s (gateway %d, PostgreSQL %d, Kafka %d)%n", data, ports.gateway(),
                ports.postgres(), ports.kafka());
        Instant starting = Instant.now();
        stack = HavenLocalStack.start(Options.defaults().withDataDirectory(data).withPorts(ports)
                .withStartupTimeout(Duration.ofSeconds(300)));
        System.out.printf("   stack healthy after %.0f s%n", secondsSince(starting));
        boolean pass = true;
        try (WebhookReceiver webhooks = new WebhookReceiver()) {
            registerWebhook(webhooks.url());
            checker = new Checker(stack, http, CASEWORKER, webhooks);
            List<String> cases = List.of(options.getOrDefault("cases", String.join(",", ALL_CASES)).split(","));
            for (String name : cases) {
                if (!ALL_CASES.contains(name)) {
                    throw new IllegalArgumentException("No crash case " + name + "; known: " + ALL_CASES);
                }
                pass &= runCase(name);
            }
            System.out.println();
            System.out.println("== All cases together: every command accepted during the run, checked again now");
            // This time also until every delivery left pending by a crash has gone out again after its lease (2 min).
            Checker.Report all = checker.check(everything, Duration.ofSeconds(seconds("settle", 90) + 150), true);
            print(all);
            System.out.printf("RESULT all-accepted-commands %s (%d accepted)%n", verdict(all), everything.size());
            summary.add(new String[] {"all accepted commands", verdict(all), Integer.toString(everything.size()), "", "",
                    String.format(Locale.ROOT, "%.0f", all.settled.toMillis() / 1000.0)});
            pass &= all.pass();
        } finally {
            stack.stop();
        }
        System.out.println();
        System.out.println("| case | result | accepted | refused (status×count) | fault to healthy s | settle s |");
        System.out.println("|---|---|---|---|---|---|");
        summary.forEach(row -> System.out.println("| " + String.join(" | ", row) + " |"));
        System.out.printf("%nCrash tests %s in %.0f s%n", pass ? "PASSED" : "FAILED", secondsSince(began));
        return pass;
    }

    private boolean runCase(String name) {
        long before = seconds("before", 8);
        long outage = seconds("outage", 5);
        long after = seconds("after", 8);
        long budget = seconds("budget", 900);
        if (secondsSince(began) + 150 > budget) {
            System.out.printf("%nRESULT %s SKIPPED (the run's budget of %d s is nearly used)%n", name, budget);
            summary.add(new String[] {name, "SKIPPED", "", "", "", ""});
            return false;
        }
        System.out.println();
        System.out.println("== " + name + ": " + describe(name));
        ConcurrentLinkedQueue<Accepted> phase = new ConcurrentLinkedQueue<>();
        List<WriteLoad.Target> targets = new ArrayList<>(List.of(WriteLoad.Target.gateway(stack.gatewayUrl(), CASEWORKER)));
        List<ServiceProcess> extra = new ArrayList<>();
        boolean twoInstances = name.equals("two-instances");
        if (twoInstances) {
            extra.addAll(startSecondInstances());
            targets.add(WriteLoad.Target.direct(extra.getFirst().name(), extra.getFirst().baseUri()));
        }
        int clients = (int) seconds("clients", 4);
        WriteLoad load = new WriteLoad(http, targets, clients, Duration.ofMillis(seconds("pause-ms", 150)), name, phase);
        List<String> notes = new ArrayList<>();
        boolean tokensTakenOver = true;
        double faultToHealthy = 0;
        load.start();
        try {
            sleep(before);
            Instant fault = Instant.now();
            if (!twoInstances) {
                String process = name.equals("postgres") ? HavenLocalStack.POSTGRES : name;
                stack.kill(process);
                System.out.printf("   %s %s at +%.1f s%n", name.equals("postgres") ? "pg_ctl stop -m immediate:" : "kill -9",
                        process, secondsSince(began));
                sleep(outage);
                stack.start(process);
            } else {
                // Both instances take writes; then the one holding the tracking tokens dies, and the other must take over
                // the relay and the projection (their segments are claimed in token_entry) without duplicating anything.
                notes.add("tracking tokens with both instances up: " + trackingTokenOwners());
                String holder = tokenHolder();
                stack.kill(holder);
                Instant killed = Instant.now();
                System.out.printf("   kill -9 %s (it holds the tracking tokens) at +%.1f s%n", holder, secondsSince(began));
                String taker = awaitTokensTakenOver(holder, Duration.ofSeconds(90));
                tokensTakenOver = taker != null;
                notes.add("tracking tokens after the kill: " + trackingTokenOwners() + (taker == null
                        ? " — NOT taken over within 90 s"
                        : String.format(Locale.ROOT, " — all taken over by %s %.1f s after the kill", taker, secondsSince(killed))));
                stack.start(holder);
            }
            awaitHealthy(extra);
            faultToHealthy = secondsSince(fault);
            System.out.printf("   restarted; every process healthy %.1f s after the fault%n", faultToHealthy);
            sleep(after);
        } finally {
            load.close();
        }
        everything.addAll(phase);
        System.out.printf("   load: %d commands sent by %d clients via %s, %d accepted, %d refused (%s), %d cases opened%n",
                load.attempted(), clients, targets.stream().map(WriteLoad.Target::name).toList(), phase.size(),
                load.refusedCount(), load.refusals(), load.casesOpened());
        load.sampleBodies().forEach((status, sample) -> System.out.printf("   first %s answer: %s%n",
                status == -1 ? "unanswered" : "HTTP " + status, sample.replace("\n", " ")));
        Checker.Report report = checker.check(phase, Duration.ofSeconds(seconds("settle", 90)), false);
        if (twoInstances) {
            report.add("segments", tokensTakenOver, "the surviving instance took over every tracking token");
            notes.add("Kafka consumer groups: " + consumerGroups());
            notes.add("accepted by instance: " + phase.stream().collect(Collectors.groupingBy(Accepted::via, Collectors.counting())));
        }
        report.notes.addAll(0, notes);
        print(report);
        System.out.printf("RESULT %s %s (%d accepted)%n", name, verdict(report), phase.size());
        summary.add(new String[] {name, verdict(report), Integer.toString(phase.size()),
                load.refusedCount() + " (" + load.refusals() + ")",
                String.format(Locale.ROOT, "%.1f", faultToHealthy),
                String.format(Locale.ROOT, "%.0f", report.settled.toMillis() / 1000.0)});
        return report.pass();
    }

    /** The process whose pid owns the tracking tokens of case-service (token_entry.owner is pid@host). */
    private String tokenHolder() {
        Map<String, String> owners = tokenOwnersByProcessor();
        for (String name : List.of(HavenLocalStack.CASE_SERVICE, "case-service-2")) {
            String pid = Long.toString(stack.process(name).pid());
            if (owners.values().stream().anyMatch(owner -> owner != null && owner.startsWith(pid + "@"))) {
                return name;
            }
        }
        return HavenLocalStack.CASE_SERVICE;
    }

    /** Waits until no token is owned by the dead instance and every one is owned by the other; that one's name, or null. */
    private String awaitTokensTakenOver(String dead, Duration timeout) {
        String other = dead.equals(HavenLocalStack.CASE_SERVICE) ? "case-service-2" : HavenLocalStack.CASE_SERVICE;
        String pid = Long.toString(stack.process(other).pid());
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Map<String, String> owners = tokenOwnersByProcessor();
            if (!owners.isEmpty() && owners.values().stream().allMatch(owner -> owner != null && owner.startsWith(pid + "@"))) {
                return other;
            }
            sleepMillis(500);
        }
        return null;
    }

    private Map<String, String> tokenOwnersByProcessor() {
        var postgres = stack.postgres();
        Map<String, String> owners = new LinkedHashMap<>();
        try (var db = DriverManager.getConnection(postgres.jdbcUrl("haven_case"), postgres.username(), postgres.password());
             var q = db.prepareStatement("select processor_name, segment, owner from token_entry order by 1, 2");
             var rows = q.executeQuery()) {
            while (rows.next()) {
                owners.put(rows.getString(1) + "[" + rows.getInt(2) + "]", rows.getString(3));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading token_entry failed", e);
        }
        return owners;
    }

    private static String describe(String name) {
        return switch (name) {
            case "case-service" -> "kill -9 case-service under load, start it again";
            case "notification-service" -> "kill -9 notification-service under load, start it again";
            case "kafka" -> "kill -9 the Kafka broker under load, start it again";
            case "postgres" -> "pg_ctl stop -m immediate on the embedded PostgreSQL under load, start it again";
            case "two-instances" -> "a second case-service and notification-service (same databases, same consumer groups);"
                    + " half the writers through the gateway to the first, half directly to the second";
            default -> name;
        };
    }

    /** A second case-service and a second notification-service, started side by side. */
    private List<ServiceProcess> startSecondInstances() {
        Instant starting = Instant.now();
        List<ServiceProcess> started = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        List<RuntimeException> failures = new ArrayList<>();
        for (String service : List.of(HavenLocalStack.CASE_SERVICE, HavenLocalStack.NOTIFICATION_SERVICE)) {
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    ServiceProcess instance = stack.startInstance(service, TestInfrastructure.freePort());
                    synchronized (started) {
                        started.add(instance);
                    }
                } catch (RuntimeException e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            }));
        }
        threads.forEach(FaultsRun::join);
        if (!failures.isEmpty()) {
            throw failures.getFirst();
        }
        started.sort(Comparator.comparing(ServiceProcess::name)); // case-service-2 first
        System.out.printf("   %s healthy after %.0f s%n", started, secondsSince(starting));
        return started;
    }

    private void awaitHealthy(List<ServiceProcess> extra) {
        List<ServiceProcess> processes = new ArrayList<>(extra);
        for (String name : List.of(HavenLocalStack.CASE_SERVICE, HavenLocalStack.ELIGIBILITY_SERVICE,
                HavenLocalStack.NOTIFICATION_SERVICE, HavenLocalStack.GATEWAY)) {
            processes.add(stack.process(name));
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
        while (!processes.stream().allMatch(ServiceProcess::healthy)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Not healthy 180 s after the restart: " + processes.stream()
                        .filter(p -> !p.healthy()).map(ServiceProcess::name).toList());
            }
            sleepMillis(500);
        }
    }

    private void registerWebhook(URI receiver) {
        String body = "{\"url\":\"" + receiver + "\",\"eventTypes\":" + Checker.WEBHOOK_EVENT_TYPES.stream()
                .map(type -> "\"" + type + "\"").collect(Collectors.joining(",", "[", "]")) + "}";
        Http.Answer answer = http.post(stack.gatewayUrl().resolve("/api/webhooks"), Map.of("X-API-Key", ADMIN), body);
        if (answer.status() != 201) {
            throw new IllegalStateException("Registering the webhook failed: HTTP " + answer.status() + " " + answer.body());
        }
        System.out.printf("   webhook %s → %s for %s%n", answer.json().path("id").asString(), receiver, Checker.WEBHOOK_EVENT_TYPES);
    }

    /** Who owns each tracking processor's segment, by instance name. */
    private String trackingTokenOwners() {
        Map<String, String> names = new LinkedHashMap<>();
        for (String name : List.of(HavenLocalStack.CASE_SERVICE, "case-service-2")) {
            try {
                names.put(stack.process(name).pid() + "@", name);
            } catch (RuntimeException notRunning) {
                // only one instance
            }
        }
        return tokenOwnersByProcessor().entrySet().stream().map(e -> e.getKey() + " " + names.entrySet().stream()
                        .filter(n -> e.getValue() != null && e.getValue().startsWith(n.getKey())).map(Map.Entry::getValue)
                        .findFirst().orElse(String.valueOf(e.getValue())))
                .collect(Collectors.joining(", "));
    }

    private String consumerGroups() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers()))) {
            Map<String, ConsumerGroupDescription> groups = admin.describeConsumerGroups(
                    List.of("case-service", "eligibility-service", "notification-service")).all().get(20, TimeUnit.SECONDS);
            return groups.values().stream().map(group -> group.groupId() + ": " + group.members().size() + " members ("
                    + group.members().stream().map(m -> m.host() + " " + m.assignment().topicPartitions().size() + " partitions")
                    .collect(Collectors.joining(", ")) + ")").collect(Collectors.joining("; "));
        } catch (Exception e) {
            return "unreadable: " + e;
        }
    }

    private static void print(Checker.Report report) {
        System.out.printf("   settled after %.0f s%s%n", report.settled.toMillis() / 1000.0,
                report.settledInTime ? "" : " (did not settle within the settle time; checked as it was)");
        for (Checker.Line line : report.lines) {
            System.out.printf("   %-4s %-14s %s%n", line.pass() ? "PASS" : "FAIL", line.name(), line.detail());
        }
        report.notes.forEach(note -> System.out.println("   note: " + note));
    }

    private static String verdict(Checker.Report report) {
        return report.pass() ? "PASS" : "FAIL";
    }

    private long seconds(String option, long fallback) {
        return Long.parseLong(options.getOrDefault(option, Long.toString(fallback)));
    }

    private double secondsSince(Instant since) {
        return Duration.between(since, Instant.now()).toMillis() / 1000.0;
    }

    private static void sleep(long seconds) {
        sleepMillis(seconds * 1000);
    }

    private static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
