import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A small closed-loop HTTP load driver on virtual threads: N workers each POST a screening and wait for the answer,
 * for a warm-up then a measured period, and report screenings/s and latency percentiles. Bounded in time and in
 * requests, and only ever aimed at this machine (loopback), so it stops by itself and loads nothing else.
 *
 * <p>Run with {@code java LoadDriver.java} (single-file source launch, JDK 21+). See run-http.sh for the options.
 */
public class LoadDriver {

    private static final long MAX_REQUESTS = 2_000_000;

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        URI target = URI.create(options.getOrDefault("url", "http://localhost:8080") + "/api/eligibility/screenings");
        int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "16"));
        Duration warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "10")));
        Duration measure = Duration.ofSeconds(Long.parseLong(options.getOrDefault("duration", "30")));
        String body = Files.readString(Path.of(options.getOrDefault("body", Path.of(LoadDriver.class.getProtectionDomain()
                .getCodeSource().getLocation().toURI()).resolveSibling("screening.json").toString())));
        requireLoopback(target);

        HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor())
                .connectTimeout(Duration.ofSeconds(2)).build();
        System.out.printf("target %s, %d concurrent requests, warm-up %ds, measured %ds, auth %s%n", target, concurrency,
                warmup.toSeconds(), measure.toSeconds(), options.containsKey("direct") ? "minted identity token (direct to the service)" : "X-API-Key");

        run(http, target, body, options, concurrency, warmup, false);
        Result result = run(http, target, body, options, concurrency, measure, true);
        result.print(measure);
    }

    private record Result(long ok, long failed, List<Long> latenciesNanos, Map<Integer, Long> statuses) {
        void print(Duration measured) {
            long[] sorted = latenciesNanos.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("screenings: %d ok, %d failed %s%n", ok, failed, statuses);
            System.out.printf("throughput: %.0f screenings/s%n", ok / (double) measured.toSeconds());
            if (sorted.length > 0) {
                System.out.printf("latency ms: p50 %.2f  p90 %.2f  p99 %.2f  max %.2f%n", percentile(sorted, 50), percentile(sorted, 90),
                        percentile(sorted, 99), sorted[sorted.length - 1] / 1e6);
            }
        }

        private static double percentile(long[] sorted, int p) {
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
        }
    }

    private static Result run(HttpClient http, URI target, String body, Map<String, String> options, int concurrency,
                              Duration length, boolean record) throws InterruptedException {
        Instant end = Instant.now().plus(length);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong sent = new AtomicLong();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        Map<Integer, Long> statuses = new java.util.concurrent.ConcurrentHashMap<>();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            workers.add(Thread.ofVirtual().start(() -> {
                while (Instant.now().isBefore(end) && sent.incrementAndGet() <= MAX_REQUESTS) {
                    long started = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(request(target, body, options), HttpResponse.BodyHandlers.ofString());
                        statuses.merge(response.statusCode(), 1L, Long::sum);
                        if (response.statusCode() == 200) {
                            ok.incrementAndGet();
                            if (record) {
                                latencies.add(System.nanoTime() - started);
                            }
                        } else {
                            failed.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                        statuses.merge(-1, 1L, Long::sum);
                    }
                }
            }));
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return new Result(ok.get(), failed.get(), new ArrayList<>(latencies), statuses);
    }

    private static HttpRequest request(URI target, String body, Map<String, String> options) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (options.containsKey("direct")) {
            request.header("Authorization", "Bearer " + LocalToken.mint());
        } else {
            request.header("X-API-Key", options.getOrDefault("api-key", "hvn_dev_a_caseworker"));
        }
        return request.build();
    }

    private static void requireLoopback(URI target) throws Exception {
        for (InetAddress address : InetAddress.getAllByName(target.getHost())) {
            if (!address.isLoopbackAddress()) {
                throw new IllegalArgumentException("This driver only loads this machine; " + target.getHost() + " is not loopback");
            }
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new java.util.HashMap<>();
        for (String arg : args) {
            String[] parts = arg.replaceFirst("^--", "").split("=", 2);
            options.put(parts[0], parts.length == 2 ? parts[1] : "true");
        }
        return options;
    }

    /**
     * The gateway's identity token for the local profile (docs/internal-contracts.md: key local-1, its published dev
     * secret), so that the service can be measured without the gateway. Minted once a second: tokens live 60 s.
     */
    static final class LocalToken {
        private static final String SECRET = "local-dev-identity-secret-not-for-production-0001";
        private static volatile String token = "";
        private static volatile long mintedAt;

        static String mint() throws Exception {
            long now = Instant.now().getEpochSecond();
            if (now - mintedAt >= 1) {
                String header = base64("{\"alg\":\"HS256\",\"kid\":\"local-1\",\"typ\":\"JWT\"}");
                String claims = base64("{\"iss\":\"haven-gateway\",\"aud\":[\"haven-services\"],\"sub\":\"user:bench\",\"org\":\"org-a\","
                        + "\"roles\":[\"CASEWORKER\"],\"iat\":" + now + ",\"exp\":" + (now + 60) + "}");
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                String signature = Base64.getUrlEncoder().withoutPadding()
                        .encodeToString(mac.doFinal((header + "." + claims).getBytes(StandardCharsets.UTF_8)));
                token = header + "." + claims + "." + signature;
                mintedAt = now;
            }
            return token;
        }

        private static String base64(String json) {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        }
    }
}
