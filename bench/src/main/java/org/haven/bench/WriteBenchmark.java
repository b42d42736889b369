package org.haven.bench;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.haven.events.Topics;

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
 * Write throughput and latency through the gateway at several concurrency levels, then event-to-Kafka latency
 * at half the measured peak. Each client is a virtual thread with its own sequence of requests; a request counts
 * when it answered 2xx.
 * <pre>
 * java -cp 'bench/target/bench.jar:bench/target/lib/*' org.haven.bench.WriteBenchmark \
 *     http://localhost:8080 hvn_dev_a_caseworker 20 1,4,16,64 localhost:19092 [commands/s for event to Kafka]
 * </pre>
 * With levels {@code -}, only event-to-Kafka runs, at the given rate (default 100/s). Before the levels, a warm-up
 * of both operations at 16 clients, {@code HAVEN_WARMUP_SECONDS} long (default 10): the services' JVMs keep
 * getting faster for minutes after a start, so compare runs after the same warm-up.
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
        Double eventToKafkaRate = args.length > 5 ? Double.valueOf(args[5]) : null;

        Duration warmUp = Duration.ofSeconds(Long.parseLong(System.getenv().getOrDefault("HAVEN_WARMUP_SECONDS", "10")));
        run("warm-up", 16, warmUp.dividedBy(2), client -> openingCases(haven));
        run("warm-up", 16, warmUp.dividedBy(2), client -> paroleSteps(haven, client));
        List<Result> results = new ArrayList<>();
        for (int clients : levels) {
            results.add(run("open case (1 event)", clients, duration, client -> openingCases(haven)));
            results.add(run("parole request/grant on existing case", clients, duration, client -> paroleSteps(haven, client)));
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
        if (kafka != null) {
            double peak = results.stream().filter(r -> r.phase().startsWith("open")).mapToDouble(Result::perSecond).max().orElse(200);
            eventToKafka(haven, kafka, eventToKafkaRate != null ? eventToKafkaRate : Math.max(1, peak / 2), duration);
        }
    }

    /** A client that opens one case after another. */
    private static Operation openingCases(Haven haven) {
        AtomicInteger n = new AtomicInteger();
        return () -> haven.post("/api/cases", Haven.openCaseBody(n.incrementAndGet())).ok();
    }

    /** A client that opens a case, then requests and grants parole on it in turn: commands on an existing case. */
    private static Operation paroleSteps(Haven haven, int client) {
        String caseId = haven.post("/api/cases", Haven.openCaseBody(client)).json().get("id").asString();
        AtomicInteger step = new AtomicInteger();
        return () -> step.getAndIncrement() % 2 == 0
                ? haven.post("/api/cases/" + caseId + "/parole-requests", """
                    {"filedOn":"2025-09-01","kind":"RE_PAROLE","basis":"URGENT_HUMANITARIAN","urgency":"ROUTINE"}""").ok()
                : haven.post("/api/cases/" + caseId + "/parole-grants", """
                    {"grantedOn":"2025-11-01","validUntil":"2027-10-31"}""").ok();
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
     * Opens cases at a fixed rate and measures from each 2xx to the case's first event on the case-events topic.
     * Waits up to {@link #EVENT_WAIT} after the last answer for every case; a case not seen by then is looked up on
     * the topic from its beginning, so a miss of this consumer and an event the relay never sent tell apart.
     */
    private static void eventToKafka(Haven haven, String bootstrapServers, double perSecond, Duration duration) throws Exception {
        Map<String, Long> answeredAt = new ConcurrentHashMap<>();
        Map<String, Long> arrivedAt = new ConcurrentHashMap<>();
        Map<String, Long> producedAtMillis = new ConcurrentHashMap<>();
        Map<String, Long> answeredAtMillis = new ConcurrentHashMap<>();
        AtomicLong consumed = new AtomicLong();
        AtomicReference<Throwable> consumerFailure = new AtomicReference<>();
        AtomicBoolean consuming = new AtomicBoolean(true);
        CountDownLatch assigned = new CountDownLatch(1);
        Thread consumer = Thread.ofPlatform().start(() -> {
            try (var kafka = new KafkaConsumer<String, String>(consumerConfig(bootstrapServers))) {
                List<TopicPartition> partitions = partitionsOf(kafka);
                kafka.assign(partitions);
                kafka.seekToEnd(partitions);
                partitions.forEach(kafka::position);
                assigned.countDown();
                while (consuming.get()) {
                    for (ConsumerRecord<String, String> record : kafka.poll(Duration.ofMillis(20))) {
                        arrivedAt.putIfAbsent(record.key(), System.nanoTime());
                        producedAtMillis.putIfAbsent(record.key(), record.timestamp());
                        consumed.incrementAndGet();
                    }
                }
            } catch (Throwable failure) {
                consumerFailure.set(failure);
                assigned.countDown();
            }
        });
        assigned.await();
        long intervalNanos = (long) (1e9 / perSecond);
        long end = System.nanoTime() + duration.toNanos();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            long next = System.nanoTime();
            int n = 0;
            while (next < end) {
                int number = n++;
                executor.submit(() -> {
                    Haven.Answer answer = haven.post("/api/cases", Haven.openCaseBody(number));
                    if (answer.ok()) {
                        String caseId = answer.json().get("id").asString();
                        answeredAtMillis.put(caseId, System.currentTimeMillis());
                        answeredAt.put(caseId, System.nanoTime());
                    }
                });
                next += intervalNanos;
                long sleep = next - System.nanoTime();
                if (sleep > 0) {
                    Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                }
            }
        }
        long waitUntil = System.nanoTime() + EVENT_WAIT.toNanos();
        while (!arrivedAt.keySet().containsAll(answeredAt.keySet()) && System.nanoTime() < waitUntil
                && consumerFailure.get() == null) {
            Thread.sleep(50);
        }
        consuming.set(false);
        consumer.join();

        Latencies latencies = new Latencies();
        Latencies toProducer = new Latencies();
        int beforeAnswer = 0;
        int late = 0;
        List<String> notSeen = new ArrayList<>();
        for (var answered : answeredAt.entrySet()) {
            Long arrived = arrivedAt.get(answered.getKey());
            if (arrived == null) {
                notSeen.add(answered.getKey());
                continue;
            }
            long latency = Math.max(0, arrived - answered.getValue());
            beforeAnswer += latency == 0 ? 1 : 0;
            late += latency > LATE.toNanos() ? 1 : 0;
            latencies.record(latency);
            toProducer.record(Math.max(0, producedAtMillis.get(answered.getKey()) - answeredAtMillis.get(answered.getKey())) * 1_000_000);
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "Event to Kafka at %.0f commands/s, %d commands: p50 %.1f ms, p99 %.1f ms, "
                        + "max %.1f ms; %d already on Kafka when the 2xx arrived (counted as 0), %d later than %d s, "
                        + "%d not seen within %d s (%d records consumed)%n",
                perSecond, answeredAt.size(), latencies.percentileMillis(50), latencies.percentileMillis(99),
                latencies.percentileMillis(100), beforeAnswer, late, LATE.toSeconds(), notSeen.size(),
                EVENT_WAIT.toSeconds(), consumed.get());
        System.out.printf(Locale.ROOT, "  of which from the 2xx to the relay's send (the record's CreateTime, ms resolution): "
                + "p50 %.0f ms, p99 %.0f ms, max %.0f ms%n", toProducer.percentileMillis(50), toProducer.percentileMillis(99),
                toProducer.percentileMillis(100));
        if (consumerFailure.get() != null) {
            System.out.println("The measuring consumer failed: " + consumerFailure.get());
        }
        if (!notSeen.isEmpty()) {
            int onTopic = countOnTopic(bootstrapServers, notSeen);
            System.out.printf(Locale.ROOT, "Of the %d not seen: %d are on the topic (read from its beginning), %d are not%n",
                    notSeen.size(), onTopic, notSeen.size() - onTopic);
        }
    }

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
