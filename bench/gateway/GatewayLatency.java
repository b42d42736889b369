import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway's added latency: the same GET /api/cases/{id}, alternately straight to case-service with an
 * identity token minted here (as the gateway would) and through the gateway with an organization API key;
 * one client, sequential, keep-alive; warm-up first. Prints p50/p90/p99/max of each and the difference.
 * The gateway limits each key to 50 req/s, so the run creates enough keys through the admin API (as the
 * org-a admin) and takes turns with them: the measured path is the production one, a key looked up by hash
 * in the gateway's database on every request.
 *
 * With "config-key" as fifth argument, it uses the local profile's configured key hvn_dev_a_caseworker instead
 * (no database lookup), paced under that key's 50 req/s: the difference between the two runs is the cost of
 * the key lookup in PostgreSQL.
 *
 *   java bench/gateway/GatewayLatency.java <gateway-url> <case-service-url> [requests] [admin-api-key] [config-key]
 */
public class GatewayLatency {

    static final String LOCAL_SECRET = "local-dev-identity-secret-not-for-production-0001";

    public static void main(String[] args) throws Exception {
        URI gateway = URI.create(args[0]);
        URI service = URI.create(args[1]);
        int requests = args.length > 2 ? Integer.parseInt(args[2]) : 5000;
        String adminKey = args.length > 3 ? args[3] : "hvn_dev_a_admin";
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

        String[] keys = new String[20];
        for (int i = 0; i < keys.length; i++) {
            HttpResponse<String> key = http.send(HttpRequest.newBuilder(gateway.resolve("/api/admin/api-keys"))
                    .header("X-API-Key", adminKey).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"bench %d %d\",\"roles\":[\"CASEWORKER\"]}"
                            .formatted(System.currentTimeMillis(), i))).build(), HttpResponse.BodyHandlers.ofString());
            Matcher plain = Pattern.compile("\"key\"\s*:\s*\"([^\"]+)\"").matcher(key.body());
            if (key.statusCode() != 201 || !plain.find()) {
                throw new IllegalStateException("Could not create an API key: " + key.statusCode() + " " + key.body());
            }
            keys[i] = plain.group(1);
        }
        boolean configKey = args.length > 4 && args[4].equals("config-key");
        if (configKey) {
            Arrays.fill(keys, "hvn_dev_a_caseworker");
        }
        long pacingNanos = configKey ? 25_000_000L : 0; // 40 req/s
        String apiKey = keys[0];

        String body = """
                {"client":{"givenName":"Bench","familyName":"Mark","dateOfBirth":"1990-05-01","countryOfNationality":"UA","preferredLanguage":"en"}}""";
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(gateway.resolve("/api/cases"))
                .header("X-API-Key", apiKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(created.body());
        if (created.statusCode() != 201 || !id.find()) {
            throw new IllegalStateException("Could not open a case: " + created.statusCode() + " " + created.body());
        }
        String path = "/api/cases/" + id.group(1);
        // Read-your-writes: wait until the projection has the case.
        for (int i = 0; i < 100 && get(http, gateway.resolve(path), "X-API-Key", apiKey) != 200; i++) {
            Thread.sleep(100);
        }

        Token token = new Token();
        int warmUp = Math.min(2000, requests);
        for (int i = 0; i < warmUp; i++) {
            pace(pacingNanos);
            check(get(http, service.resolve(path), "Authorization", "Bearer " + token.current()));
            check(get(http, gateway.resolve(path), "X-API-Key", keys[i % keys.length]));
        }
        long[] direct = new long[requests];
        long[] through = new long[requests];
        for (int i = 0; i < requests; i++) {
            pace(pacingNanos);
            String bearer = "Bearer " + token.current();
            long start = System.nanoTime();
            check(get(http, service.resolve(path), "Authorization", bearer));
            direct[i] = System.nanoTime() - start;
            start = System.nanoTime();
            check(get(http, gateway.resolve(path), "X-API-Key", keys[i % keys.length]));
            through[i] = System.nanoTime() - start;
        }
        Arrays.sort(direct);
        Arrays.sort(through);
        System.out.printf("GET %s, %d requests each after %d warm-up, sequential, one keep-alive client, %s%n", "/api/cases/{id}",
                requests, warmUp, configKey ? "configured dev key, 40 req/s" : keys.length + " API keys from the database, unpaced");
        System.out.printf("%-22s %8s %8s %8s %8s%n", "", "p50 ms", "p90 ms", "p99 ms", "max ms");
        row("direct to case-service", direct);
        row("through the gateway", through);
        System.out.printf("%-22s %8.2f %8.2f %8.2f%n", "added by the gateway",
                ms(p(through, 50) - p(direct, 50)), ms(p(through, 90) - p(direct, 90)), ms(p(through, 99) - p(direct, 99)));
    }

    private static long lastRequest;

    static void pace(long nanos) throws InterruptedException {
        long wait = lastRequest + nanos - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(Duration.ofNanos(wait));
        }
        lastRequest = System.nanoTime();
    }

    static void row(String name, long[] sorted) {
        System.out.printf("%-22s %8.2f %8.2f %8.2f %8.2f%n", name, ms(p(sorted, 50)), ms(p(sorted, 90)), ms(p(sorted, 99)),
                ms(sorted[sorted.length - 1]));
    }

    static long p(long[] sorted, double percentile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(percentile / 100 * sorted.length) - 1)];
    }

    static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    static void check(int status) {
        if (status != 200) {
            throw new IllegalStateException("HTTP " + status);
        }
    }

    static int get(HttpClient http, URI uri, String header, String value) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).header(header, value).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The identity token of internal-contracts.md, HS256 with the local profile's published key, renewed every 30 s. */
    static final class Token {
        private String value = "";
        private Instant renewAt = Instant.MIN;

        String current() throws Exception {
            if (Instant.now().isAfter(renewAt)) {
                long now = Instant.now().getEpochSecond();
                String header = b64("{\"alg\":\"HS256\",\"kid\":\"local-1\",\"typ\":\"JWT\"}");
                String claims = b64(("{\"iss\":\"haven-gateway\",\"aud\":[\"haven-services\"],\"sub\":\"api-key:dev-a-caseworker\","
                        + "\"org\":\"org-a\",\"roles\":[\"CASEWORKER\"],\"iat\":%d,\"exp\":%d}").formatted(now, now + 60));
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(LOCAL_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                String signature = Base64.getUrlEncoder().withoutPadding()
                        .encodeToString(mac.doFinal((header + "." + claims).getBytes(StandardCharsets.US_ASCII)));
                value = header + "." + claims + "." + signature;
                renewAt = Instant.now().plusSeconds(30);
            }
            return value;
        }

        private static String b64(String json) {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        }
    }
}
