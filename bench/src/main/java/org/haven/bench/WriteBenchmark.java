package org.haven.bench;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.haven.events.Topics;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * Write throughput and latency through the gateway at several concurrency levels; the rate of case openings the
 * whole pipeline keeps up with; event-to-Kafka latency at half of that. Each client is a virtual thread with its
 * own sequence of requests; a request counts when it answered 2xx.
 * <pre>
 * java -cp 'bench/target/bench.jar:bench/target/lib/*' org.haven.bench.WriteBenchmark \
 *     http://localhost:8080 hvn_dev_a_caseworker 20 1,4,16,64 localhost:19092 [rate | rate,rate,...]
 * </pre>
 * With one rate, event-to-Kafka runs at that rate. With a list of rates, cases are opened at each in turn until the
 * pipeline behind the answers stops keeping up (the sustained rate), then event-to-Kafka runs at half of that, and
 * at half the HTTP peak of the levels when that differs. With neither, event-to-Kafka runs at half the HTTP peak.
 * With levels {@code -}, only these run. Before the levels, a warm-up of both operations at 16 clients,
 * {@code HAVEN_WARMUP_SECONDS} long (default 10): the services' JVMs keep getting faster for minutes after a start,
 * so compare runs after the same warm-up. {@code HAVEN_OPERATIONS=parole} (or {@code open}) runs only that operation at
 * each level (default both). The parole steps go round the organization's open cases, {@code HAVEN_CASES_PER_CLIENT}
 * for each client (default 25; existing cases, listed once per process, opened only when too few exist): with one
 * case per client the cases are hot (a case gets a step every few ms), eligibility-service and case-service then
 * coalesce most of a case's assessments within one Kafka poll, and a step costs far less than on a real caseload. Given the Kafka address, each level starts once the case-events topic has
 * been quiet for a while: the work a level leaves behind (assessments, deadlines) would otherwise be measured
 * against the next one.
 */
public final class WriteBenchmark {

    private WriteBenchmark() {
    }

    record Result(String phase, int clients, double perSecond, Latencies latencies, int failures) {
    }

    public static void main(String[] args) throws Exception {
        Haven haven = new Haven(args[0], args[1]);
        Duration duration = Duration.ofSeconds(Integer.parseInt(args[2]));
        int[] levels = args[3].equals("-") ? new int[0]
                : java.util.Arrays.stream(args[3].split(",")).mapToInt(Integer::parseInt).toArray();
        String kafka = args.length > 4 ? args[4] : null;
        String rates = args.length > 5 ? args[5] : null;

        Duration warmUp = Duration.ofSeconds(Long.parseLong(System.getenv().getOrDefault("HAVEN_WARMUP_SECONDS", "10")));
        run("warm-up", 16, warmUp.dividedBy(2), client -> openingCases(haven));
        run("warm-up", 16, warmUp.dividedBy(2), client -> paroleSteps(haven, client));
        List<Result> results = new ArrayList<>();
        String operations = System.getenv().getOrDefault("HAVEN_OPERATIONS", "open,parole");
        for (int clients : levels) {
            if (operations.contains("open")) {
                settle(kafka);
                results.add(run("open case (1 event)", clients, duration, client -> openingCases(haven)));
            }
            if (operations.contains("parole")) {
                settle(kafka);
                results.add(run("parole request/grant on existing case", clients, duration, client -> paroleSteps(haven, client)));
            }
        }
        System.out.println();
        System.out.println("| phase | clients | commands/s | p50 ms | p95 ms | p99 ms | failed |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (Result result : results) {
            System.out.printf(Locale.ROOT, "| %s | %d | %.0f | %.1f | %.1f | %.1f | %d |%n", result.phase(), result.clients(),
                    result.perSecond(), result.latencies().percentileMillis(50), result.latencies().percentileMillis(95),
                    result.latencies().percentileMillis(99), result.failures());
        }
        System.out.printf(Locale.ROOT, "%nCommands answered 2xx in the run, warm-up included: %d%n", ANSWERED.get());
        if (kafka == null) {
            return;
        }
        if (rates != null && !rates.contains(",")) {
            eventToKafka(haven, kafka, Double.parseDouble(rates), duration);
            return;
        }
        double httpPeak = results.stream().filter(r -> r.phase().startsWith("open")).mapToDouble(Result::perSecond).max().orElse(200);
        if (rates == null) {
            eventToKafka(haven, kafka, Math.max(1, httpPeak / 2), duration);
            return;
        }
        double sustained = sustainedRate(haven, kafka, java.util.Arrays.stream(rates.split(",")).mapToDouble(Double::parseDouble).toArray(), duration);
        awaitQuiet(kafka);
        eventToKafka(haven, kafka, Math.max(1, sustained / 2), duration);
        System.out.printf(Locale.ROOT, "(at half the sustained rate of %.0f/s)%n", sustained);
        if (!results.isEmpty() && Math.round(httpPeak / 2) != Math.round(sustained / 2)) {
            awaitQuiet(kafka);
            eventToKafka(haven, kafka, Math.max(1, httpPeak / 2), duration);
            System.out.printf(Locale.ROOT, "(at half the HTTP peak of the levels, %.0f/s)%n", httpPeak);
        }
    }

    /** A client that opens one case after another. */
    private static Operation openingCases(Haven haven) {
        AtomicInteger n = new AtomicInteger();
        return () -> haven.post("/api/cases", Haven.openCaseBody(n.incrementAndGet())).ok();
    }

    static final int CASES_PER_CLIENT = Integer.parseInt(System.getenv().getOrDefault("HAVEN_CASES_PER_CLIENT", "25"));

    /**
     * A client that goes round its cases, requesting parole on each, then granting it on each, in turn: commands on
     * existing cases. Client {@code n} takes its cases from the n-th slice of the organization's open cases.
     */
    private static Operation paroleSteps(Haven haven, int client) {
        List<String> cases = casesOf(haven, client);
        AtomicInteger step = new AtomicInteger();
        return () -> {
            int n = step.getAndIncrement();
            String caseId = cases.get(n % cases.size());
            return (n / cases.size()) % 2 == 0
                    ? haven.post("/api/cases/" + caseId + "/parole-requests", """
                        {"filedOn":"2025-09-01","kind":"RE_PAROLE","basis":"URGENT_HUMANITARIAN","urgency":"ROUTINE"}""").ok()
                    : haven.post("/api/cases/" + caseId + "/parole-grants", """
                        {"grantedOn":"2025-11-01","validUntil":"2027-10-31"}""").ok();
        };
    }

    /** The organization's open cases listed so far, and the cursor of the next page (null once all are listed). */
    private static final List<String> openCases = new ArrayList<>();
    private static String nextPage = "";

    private static List<String> casesOf(Haven haven, int client) {
        synchronized (openCases) {
            int needed = (client + 1) * CASES_PER_CLIENT;
            while (openCases.size() < needed && nextPage != null) {
                JsonNode page = haven.get("/api/cases?status=OPEN&limit=200" + (nextPage.isEmpty() ? "" : "&cursor=" + nextPage)).json();
                page.get("items").forEach(item -> openCases.add(item.get("id").asString()));
                nextPage = page.hasNonNull("nextCursor") ? page.get("nextCursor").asString() : null;
            }
            while (openCases.size() < needed) {
                openCases.add(haven.post("/api/cases", Haven.openCaseBody(openCases.size())).json().get("id").asString());
            }
            return List.copyOf(openCases.subList(needed - CASES_PER_CLIENT, needed));
        }
    }

    /** Every 2xx of the run, warm-up and setup included: divide the CPU a run used by this (bench/cpu-by-process.sh). */
    private static final AtomicLong ANSWERED = new AtomicLong();

    interface Operation {
        boolean call();
    }

    /** Runs {@code clients} loops of their operation for the duration; counts 2xx answers and their latencies. */
    static Result run(String phase, int clients, Duration duration, IntFunction<Operation> clientSetUp) throws InterruptedException {
        Latencies latencies = new Latencies();
        AtomicLong succeeded = new AtomicLong();
        AtomicInteger failed = new AtomicInteger();
        List<Operation> operations = new ArrayList<>();
        for (int client = 0; client < clients; client++) {
            operations.add(clientSetUp.apply(client));
        }
        AtomicBoolean running = new AtomicBoolean(true);
        long started = System.nanoTime();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Operation operation : operations) {
                executor.submit(() -> {
                    while (running.get()) {
                        long begin = System.nanoTime();
                        if (operation.call()) {
                            latencies.record(System.nanoTime() - begin);
                            succeeded.incrementAndGet();
                            ANSWERED.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                        }
                    }
                });
            }
            Thread.sleep(duration.toMillis());
            running.set(false);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Result(phase, clients, succeeded.get() / seconds, latencies, failed.get());
    }

    /**
     * What one paced run of case openings saw on the case-events topic.
     *
     * @param toKafka     each case's 2xx to its first event (CaseOpened) reaching this consumer; 0 when it was there first
     * @param wholeChain  each case's 2xx to its last event reaching this consumer: for these cases the relay, the
     *                    eligibility round trip (CaseOpened → assessment → EligibilityAssessed) and the deadline that
     *                    fires at once (the benchmark's arrival date is past) — the work a command causes, not only
     *                    the work its answer waits for
     * @param incomplete  cases with fewer events than the most any case had when the run stopped waiting
     */
    record PacedRun(double answeredPerSecond, int answered, int failed, Latencies toKafka,
                    Latencies wholeChain, Latencies answerToSend, Latencies sendToConsumer, int beforeAnswer, int late,
                    List<String> notSeen, int incomplete, int eventsPerCase, long consumed, Throwable consumerFailure) {

        /** The pipeline kept up: every case got all its events, the last of them within {@link #KEPT_UP_CHAIN_P99}. */
        boolean keptUp() {
            return consumerFailure == null && notSeen.isEmpty() && incomplete == 0 && failed == 0
                    && wholeChain.percentileMillis(99) <= KEPT_UP_CHAIN_P99.toMillis();
        }
    }

    /** The whole chain's p99 below which a rate counts as sustained: db-scheduler alone polls once a second. */
    static final Duration KEPT_UP_CHAIN_P99 = Duration.ofSeconds(5);

    /**
     * Opens cases at each rate in turn, {@code duration} each, and stops at the first rate the pipeline does not keep
     * up with. The HTTP peaks of the levels are rates the gateway answers, not rates the work behind the answers
     * (relay, eligibility, notifications, deadlines) keeps up with on the same cores; this is the second.
     *
     * @return the highest rate kept up, or 0
     */
    private static double sustainedRate(Haven haven, String bootstrapServers, double[] rates, Duration duration) throws Exception {
        System.out.println();
        System.out.println("== Sustained rate: cases opened at a fixed rate; kept up = every case's events all on Kafka, "
                + "the last within " + KEPT_UP_CHAIN_P99.toSeconds() + " s (p99)");
        awaitQuiet(bootstrapServers);
        System.out.println("| asked/s | answered/s | 2xx → CaseOpened on Kafka p50 / p99 ms | 2xx → last event (whole chain) p50 / p99 ms | events per case | incomplete | kept up |");
        System.out.println("|---|---|---|---|---|---|---|");
        double sustained = 0;
        for (double rate : rates) {
            PacedRun run = pacedRun(haven, bootstrapServers, rate, duration);
            System.out.printf(Locale.ROOT, "| %.0f | %.0f | %.0f / %.0f | %.0f / %.0f | %d | %d | %s |%n", rate, run.answeredPerSecond(),
                    run.toKafka().percentileMillis(50), run.toKafka().percentileMillis(99),
                    run.wholeChain().percentileMillis(50), run.wholeChain().percentileMillis(99), run.eventsPerCase(),
                    run.incomplete() + run.notSeen().size(), run.keptUp() ? "yes" : "no");
            if (!run.keptUp()) {
                break;
            }
            sustained = rate;
            awaitQuiet(bootstrapServers);
        }
        System.out.printf(Locale.ROOT, "Sustained: %.0f cases opened/s%n", sustained);
        return sustained;
    }

    /**
     * Opens cases at a fixed rate and measures from each 2xx to the case's first event on the case-events topic.
     * Prints the run; a case not seen within {@link #EVENT_WAIT} is looked up on the topic from its beginning, so a
     * miss of this consumer and an event the relay never sent tell apart.
     */
    private static void eventToKafka(Haven haven, String bootstrapServers, double perSecond, Duration duration) throws Exception {
        PacedRun run = pacedRun(haven, bootstrapServers, perSecond, duration);
        System.out.println();
        System.out.printf(Locale.ROOT, "Event to Kafka at %.0f commands/s, %d commands: p50 %.1f ms, p99 %.1f ms, "
                        + "max %.1f ms; %d already on Kafka when the 2xx arrived (counted as 0), %d later than %d s, "
                        + "%d not seen within %d s (%d records consumed)%n",
                perSecond, run.answered(), run.toKafka().percentileMillis(50), run.toKafka().percentileMillis(99),
                run.toKafka().percentileMillis(100), run.beforeAnswer(), run.late(), LATE.toSeconds(), run.notSeen().size(),
                EVENT_WAIT.toSeconds(), run.consumed());
        System.out.printf(Locale.ROOT, "  of which from the 2xx to the relay's send (the record's CreateTime, ms resolution): "
                        + "p50 %.0f ms, p99 %.0f ms, max %.0f ms%n", run.answerToSend().percentileMillis(50),
                run.answerToSend().percentileMillis(99), run.answerToSend().percentileMillis(100));
        System.out.printf(Locale.ROOT, "  from the relay's send to this consumer's poll (wall clocks, ms resolution): "
                        + "p50 %.0f ms, p99 %.0f ms, max %.0f ms%n", run.sendToConsumer().percentileMillis(50),
                run.sendToConsumer().percentileMillis(99), run.sendToConsumer().percentileMillis(100));
        System.out.printf(Locale.ROOT, "  2xx to the case's last event (%d per case: the whole chain behind the command): "
                        + "p50 %.0f ms, p99 %.0f ms, max %.0f ms; %d cases incomplete%n", run.eventsPerCase(),
                run.wholeChain().percentileMillis(50), run.wholeChain().percentileMillis(99),
                run.wholeChain().percentileMillis(100), run.incomplete());
        if (run.consumerFailure() != null) {
            System.out.println("The measuring consumer failed: " + run.consumerFailure());
        }
        if (!run.notSeen().isEmpty()) {
            int onTopic = countOnTopic(bootstrapServers, run.notSeen());
            System.out.printf(Locale.ROOT, "Of the %d not seen: %d are on the topic (read from its beginning), %d are not%n",
                    run.notSeen().size(), onTopic, run.notSeen().size() - onTopic);
        }
    }

    /** When a case's 2xx arrived: a monotonic time, and a wall-clock one to compare with the record's CreateTime. */
    private record Answered(long atNanos, long atMillis) {
    }

    /** What the measuring consumer saw of one case; written by its thread only, read after it ended. */
    private static final class Arrivals {
        final long firstAt;
        final long firstAtMillis = System.currentTimeMillis();
        /** The first record's CreateTime: when the relay called send. */
        final long sentAtMillis;
        long lastAt;
        int events;

        Arrivals(long firstAt, long sentAtMillis) {
            this.firstAt = firstAt;
            this.sentAtMillis = sentAtMillis;
        }
    }

    /**
     * Opens cases at a fixed rate for the duration while a consumer of the case-events topic notes when each case's
     * events arrive. After the last answer it waits until every case was seen and no event arrived for
     * {@link #QUIET}, at most {@link #EVENT_WAIT}.
     */
    private static PacedRun pacedRun(Haven haven, String bootstrapServers, double perSecond, Duration duration) throws Exception {
        Map<String, Answered> answeredAt = new ConcurrentHashMap<>();
        Map<String, Arrivals> arrivals = new ConcurrentHashMap<>();
        AtomicInteger failed = new AtomicInteger();
        AtomicLong consumed = new AtomicLong();
        AtomicLong lastRecordAt = new AtomicLong(System.nanoTime());
        AtomicReference<Throwable> consumerFailure = new AtomicReference<>();
        AtomicBoolean consuming = new AtomicBoolean(true);
        CountDownLatch assigned = new CountDownLatch(1);
        Thread consumer = Thread.ofPlatform().start(() -> {
            try (var kafka = consumerAtEnd(bootstrapServers)) {
                assigned.countDown();
                while (consuming.get()) {
                    for (ConsumerRecord<String, String> record : kafka.poll(Duration.ofMillis(20))) {
                        long now = System.nanoTime();
                        Arrivals seen = arrivals.computeIfAbsent(record.key(), key -> new Arrivals(now, record.timestamp()));
                        seen.lastAt = now;
                        seen.events++;
                        consumed.incrementAndGet();
                        lastRecordAt.set(now);
                    }
                }
            } catch (Throwable failure) {
                consumerFailure.set(failure);
                assigned.countDown();
            }
        });
        assigned.await();
        long intervalNanos = (long) (1e9 / perSecond);
        long started = System.nanoTime();
        long end = started + duration.toNanos();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            long next = System.nanoTime();
            int n = 0;
            while (next < end) {
                int number = n++;
                executor.submit(() -> {
                    Haven.Answer answer = haven.post("/api/cases", Haven.openCaseBody(number));
                    if (answer.ok()) {
                        String caseId = answer.json().get("id").asString();
                        answeredAt.put(caseId, new Answered(System.nanoTime(), System.currentTimeMillis()));
                    } else {
                        failed.incrementAndGet();
                    }
                });
                next += intervalNanos;
                long sleep = next - System.nanoTime();
                if (sleep > 0) {
                    Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                }
            }
        }
        double answeredPerSecond = answeredAt.size() / ((System.nanoTime() - started) / 1e9);
        long waitUntil = System.nanoTime() + EVENT_WAIT.toNanos();
        while (System.nanoTime() < waitUntil && consumerFailure.get() == null
                && !(arrivals.keySet().containsAll(answeredAt.keySet()) && System.nanoTime() - lastRecordAt.get() > QUIET.toNanos())) {
            Thread.sleep(50);
        }
        consuming.set(false);
        consumer.join();

        Latencies toKafka = new Latencies();
        Latencies wholeChain = new Latencies();
        Latencies answerToSend = new Latencies();
        Latencies sendToConsumer = new Latencies();
        int eventsPerCase = answeredAt.keySet().stream().map(arrivals::get).filter(java.util.Objects::nonNull)
                .mapToInt(seen -> seen.events).max().orElse(0);
        int beforeAnswer = 0;
        int late = 0;
        int incomplete = 0;
        List<String> notSeen = new ArrayList<>();
        for (var answered : answeredAt.entrySet()) {
            Answered answer = answered.getValue();
            Arrivals seen = arrivals.get(answered.getKey());
            if (seen == null) {
                notSeen.add(answered.getKey());
                continue;
            }
            long latency = Math.max(0, seen.firstAt - answer.atNanos());
            beforeAnswer += latency == 0 ? 1 : 0;
            late += latency > LATE.toNanos() ? 1 : 0;
            toKafka.record(latency);
            incomplete += seen.events < eventsPerCase ? 1 : 0;
            wholeChain.record(Math.max(0, seen.lastAt - answer.atNanos()));
            answerToSend.record(Math.max(0, seen.sentAtMillis - answer.atMillis()) * 1_000_000);
            sendToConsumer.record(Math.max(0, seen.firstAtMillis - seen.sentAtMillis) * 1_000_000);
        }
        return new PacedRun(answeredPerSecond, answeredAt.size(), failed.get(), toKafka, wholeChain, answerToSend,
                sendToConsumer, beforeAnswer, late, notSeen, incomplete, eventsPerCase, consumed.get(), consumerFailure.get());
    }

    /** Before a level: lets the work the previous one left behind finish first, when the topic is known. */
    private static void settle(String bootstrapServers) {
        if (bootstrapServers != null) {
            awaitQuiet(bootstrapServers);
        }
    }

    /**
     * Waits until nothing arrived on the case-events topic for {@link #SETTLED} (at most {@link #SETTLE_AT_MOST}):
     * the work earlier phases left behind (assessments, deadlines) would otherwise run during the next measurement.
     */
    private static void awaitQuiet(String bootstrapServers) {
        long started = System.nanoTime();
        try (var kafka = consumerAtEnd(bootstrapServers)) {
            long lastRecord = System.nanoTime();
            while (System.nanoTime() - lastRecord < SETTLED.toNanos() && System.nanoTime() - started < SETTLE_AT_MOST.toNanos()) {
                if (!kafka.poll(Duration.ofMillis(200)).isEmpty()) {
                    lastRecord = System.nanoTime();
                }
            }
        }
        System.out.printf(Locale.ROOT, "(waited %.0f s for the work of earlier phases to finish)%n", (System.nanoTime() - started) / 1e9);
    }

    private static final Duration QUIET = Duration.ofSeconds(3);
    private static final Duration SETTLED = Duration.ofSeconds(10);
    private static final Duration SETTLE_AT_MOST = Duration.ofMinutes(10);
    private static final Duration EVENT_WAIT = Duration.ofSeconds(30);
    private static final Duration LATE = Duration.ofSeconds(3);

    /** Reads every partition of the case-events topic from its beginning to its current end. */
    private static int countOnTopic(String bootstrapServers, List<String> caseIds) {
        var wanted = new java.util.HashSet<>(caseIds);
        int found = 0;
        try (var kafka = new KafkaConsumer<String, String>(consumerConfig(bootstrapServers))) {
            List<TopicPartition> partitions = partitionsOf(kafka);
            kafka.assign(partitions);
            kafka.seekToBeginning(partitions);
            Map<TopicPartition, Long> endOffsets = kafka.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> kafka.position(p) < endOffsets.get(p))) {
                for (ConsumerRecord<String, String> record : kafka.poll(Duration.ofMillis(200))) {
                    if (wanted.remove(record.key())) {
                        found++;
                    }
                }
            }
        }
        return found;
    }

    /** A consumer of every partition of the case-events topic, positioned at its current end. */
    private static KafkaConsumer<String, String> consumerAtEnd(String bootstrapServers) {
        var kafka = new KafkaConsumer<String, String>(consumerConfig(bootstrapServers));
        try {
            List<TopicPartition> partitions = partitionsOf(kafka);
            kafka.assign(partitions);
            kafka.seekToEnd(partitions);
            partitions.forEach(kafka::position);
            return kafka;
        } catch (RuntimeException failure) {
            kafka.close();
            throw failure;
        }
    }

    private static Map<String, Object> consumerConfig(String bootstrapServers) {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-" + System.nanoTime(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, Integer.getInteger("haven.bench.fetchMaxWaitMs", 500),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    }

    private static List<TopicPartition> partitionsOf(KafkaConsumer<String, String> kafka) {
        return kafka.partitionsFor(Topics.CASE_EVENTS).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    }
}
