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
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * Write throughput and latency through the gateway at several concurrency levels, then event-to-Kafka latency
 * at half the measured peak. Each client is a virtual thread with its own sequence of requests; a request counts
 * when it answered 2xx.
 * <pre>
 * java -cp 'bench/target/bench.jar:bench/target/lib/*' org.haven.bench.WriteBenchmark \
 *     http://localhost:8080 hvn_dev_a_caseworker 20 1,4,16,64 localhost:19092
 * </pre>
 */
public final class WriteBenchmark {

    private WriteBenchmark() {
    }

    record Result(String phase, int clients, double perSecond, Latencies latencies, int failures) {
    }

    public static void main(String[] args) throws Exception {
        Haven haven = new Haven(args[0], args[1]);
        Duration duration = Duration.ofSeconds(Integer.parseInt(args[2]));
        int[] levels = java.util.Arrays.stream(args[3].split(",")).mapToInt(Integer::parseInt).toArray();
        String kafka = args.length > 4 ? args[4] : null;

        warmUp(haven);
        List<Result> results = new ArrayList<>();
        for (int clients : levels) {
            results.add(run("open case (1 event)", clients, duration, client -> {
                AtomicInteger n = new AtomicInteger();
                return () -> haven.post("/api/cases", Haven.openCaseBody(n.incrementAndGet())).ok();
            }));
            results.add(run("parole request/grant on existing case", clients, duration, client -> {
                String caseId = haven.post("/api/cases", Haven.openCaseBody(client)).json().get("id").asString();
                AtomicInteger step = new AtomicInteger();
                return () -> step.getAndIncrement() % 2 == 0
                        ? haven.post("/api/cases/" + caseId + "/parole-requests", """
                            {"filedOn":"2025-09-01","kind":"RE_PAROLE","basis":"URGENT_HUMANITARIAN","urgency":"ROUTINE"}""").ok()
                        : haven.post("/api/cases/" + caseId + "/parole-grants", """
                            {"grantedOn":"2025-11-01","validUntil":"2027-10-31"}""").ok();
            }));
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
            double peak = results.stream().filter(r -> r.phase().startsWith("open")).mapToDouble(Result::perSecond).max().orElse(100);
            eventToKafka(haven, kafka, Math.max(1, peak / 2), duration);
        }
    }

    private static void warmUp(Haven haven) throws InterruptedException {
        run("warm-up", 4, Duration.ofSeconds(10), client -> () -> haven.post("/api/cases", Haven.openCaseBody(client)).ok());
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

    /** Opens cases at a fixed rate and measures from each 2xx to the case's CaseOpened on the case-events topic. */
    private static void eventToKafka(Haven haven, String bootstrapServers, double perSecond, Duration duration) throws Exception {
        Map<String, Long> answeredAt = new ConcurrentHashMap<>();
        Latencies latencies = new Latencies();
        AtomicInteger beforeAnswer = new AtomicInteger();
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-" + System.nanoTime(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        Map<String, Long> arrivedAt = new ConcurrentHashMap<>();
        AtomicBoolean consuming = new AtomicBoolean(true);
        Thread consumer = Thread.ofPlatform().start(() -> {
            try (var kafka = new KafkaConsumer<String, String>(config)) {
                List<TopicPartition> partitions = kafka.partitionsFor(Topics.CASE_EVENTS).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                kafka.assign(partitions);
                kafka.seekToEnd(partitions);
                partitions.forEach(kafka::position);
                while (consuming.get()) {
                    for (ConsumerRecord<String, String> record : kafka.poll(Duration.ofMillis(20))) {
                        arrivedAt.putIfAbsent(record.key(), System.nanoTime());
                    }
                }
            }
        });
        Thread.sleep(2000);
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
                        answeredAt.put(answer.json().get("id").asString(), System.nanoTime());
                    }
                });
                next += intervalNanos;
                long sleep = next - System.nanoTime();
                if (sleep > 0) {
                    Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                }
            }
        }
        Thread.sleep(3000);
        consuming.set(false);
        consumer.join();
        int missing = 0;
        for (var answered : answeredAt.entrySet()) {
            Long arrived = arrivedAt.get(answered.getKey());
            if (arrived == null) {
                missing++;
            } else if (arrived < answered.getValue()) {
                beforeAnswer.incrementAndGet();
                latencies.record(0);
            } else {
                latencies.record(arrived - answered.getValue());
            }
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "Event to Kafka at %.0f commands/s (half the peak), %d commands: p50 %.1f ms, p99 %.1f ms; "
                        + "%d already on Kafka when the 2xx arrived (counted as 0), %d not seen within 3 s%n",
                perSecond, answeredAt.size(), latencies.percentileMillis(50), latencies.percentileMillis(99),
                beforeAnswer.get(), missing);
    }
}
