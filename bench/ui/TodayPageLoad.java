import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long the caseworker UI's Today page takes to load, measured in Debian's headless Chromium, and the
 * seeding of an organization's cases through the public API to measure it with. Run by bench/today-page.sh:
 *
 *   java -cp <deploy test classpath> bench/ui/TodayPageLoad.java seed    <gateway> <api key> <cases>
 *   java -cp <deploy test classpath> bench/ui/TodayPageLoad.java settle  <gateway> <api key>
 *   java -cp <deploy test classpath> bench/ui/TodayPageLoad.java measure <gateway> <username> <runs>
 */
public class TodayPageLoad {

    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        URI gateway = URI.create(args[1]);
        switch (args[0]) {
            case "seed" -> seed(gateway, args[2], Integer.parseInt(args[3]));
            case "settle" -> settle(gateway, args[2]);
            case "measure" -> measure(gateway, args[2], Integer.parseInt(args[3]));
            default -> throw new IllegalArgumentException("seed | settle | measure");
        }
    }

    /** Counts the organization's cases (GET /api/cases, 200 a page). */
    static int countCases(URI gateway, String apiKey) throws Exception {
        int count = 0;
        String cursor = null;
        Pattern next = Pattern.compile("\"nextCursor\":\"([^\"]+)\"");
        Pattern item = Pattern.compile("\"caseNumber\":");
        do {
            String body = get(gateway, "/api/cases?limit=200" + (cursor == null ? "" : "&cursor=" + cursor), apiKey);
            Matcher items = item.matcher(body);
            while (items.find()) {
                count++;
            }
            Matcher more = next.matcher(body);
            cursor = more.find() ? more.group(1) : null;
        } while (cursor != null);
        return count;
    }

    /**
     * Opens cases until the organization has {@code target}: clients who arrived 0 to 399 days ago, so that the
     * one-year asylum deadlines spread over the past month and the coming year (about 7 % due within 30 days,
     * about 9 % already overdue). 16 requests in flight; a 429 waits for its Retry-After.
     */
    static void seed(URI gateway, String apiKey, int target) throws Exception {
        int existing = countCases(gateway, apiKey);
        int missing = Math.max(0, target - existing);
        System.out.printf("seed: the organization has %d cases; opening %d%n", existing, missing);
        LocalDate today = LocalDate.now();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        Semaphore inFlight = new Semaphore(16);
        Instant began = Instant.now();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < missing; i++) {
                int n = existing + i;
                inFlight.acquire();
                executor.submit(() -> {
                    try {
                        String body = """
                                {"client":{"givenName":"Client%d","familyName":"Bench","dateOfBirth":"1985-03-14",\
                                "countryOfNationality":"%s","preferredLanguage":"%s"},"lastArrivalDate":"%s"}"""
                                .formatted(n, n % 3 == 0 ? "HN" : "UA", n % 2 == 0 ? "es" : "en", today.minusDays(n % 400));
                        if (post(gateway, "/api/cases", body, apiKey) != 201) {
                            failed.incrementAndGet();
                        }
                        int count = done.incrementAndGet();
                        if (count % 1000 == 0) {
                            System.out.printf("seed: %d opened, %.0f/s%n", count,
                                    count / Math.max(0.001, Duration.between(began, Instant.now()).toMillis() / 1000.0));
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    } finally {
                        inFlight.release();
                    }
                    return null;
                });
            }
        }
        System.out.printf("seed: %d opened, %d failed, in %d s; the organization has %d cases%n", done.get(), failed.get(),
                Duration.between(began, Instant.now()).toSeconds(), countCases(gateway, apiKey));
    }

    /**
     * Waits until the asynchronous work behind the writes is done (assessments, deadlines, notifications): the
     * Today page's two answers stop changing for 30 s.
     */
    static void settle(URI gateway, String apiKey) throws Exception {
        Instant began = Instant.now();
        String last = "";
        Instant stableSince = Instant.now();
        while (Duration.between(stableSince, Instant.now()).toSeconds() < 30) {
            String deadlines = get(gateway, "/api/deadlines?within=P30D&limit=1000", apiKey);
            String notifications = get(gateway, "/api/notifications?unread=true&limit=500", apiKey);
            String now = count(deadlines, "\"dueOn\"") + " deadlines within 30 days (first 1000), "
                    + count(notifications, "\"eventType\"") + " unread notifications (first 500)";
            if (!now.equals(last)) {
                System.out.println("settle: " + now);
                last = now;
                stableSince = Instant.now();
            }
            if (Duration.between(began, Instant.now()).toMinutes() > 30) {
                System.out.println("settle: still changing after 30 minutes; measuring anyway");
                return;
            }
            Thread.sleep(5000);
        }
        System.out.printf("settle: stable after %d s%n", Duration.between(began, Instant.now()).toSeconds());
    }

    /**
     * Signs in, then loads /today {@code runs} times as a new page (a full navigation, as when a caseworker
     * opens Haven), each time until the deadlines and notifications are on screen (the page's
     * {@code haven:today:ready} performance mark), and prints each run and the median, 90th percentile and max.
     */
    static void measure(URI gateway, String username, int runs) throws Exception {
        Path profile = Files.createTempDirectory("haven-bench-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-dev-shm-usage",
                "--disable-sync", "--user-data-dir=" + profile, "--lang=en-US", "--window-size=1366,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        try {
            driver.get(gateway.resolve("/signin").toString());
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
            wait.until(d -> d.findElement(By.name("username"))).sendKeys(username);
            driver.findElement(By.name("password")).sendKeys("haven-local");
            driver.findElement(By.cssSelector("form[data-action=sign-in] button[type=submit]")).click();
            wait.until(d -> d.findElement(By.id("signed-in-as")));

            List<Double> ready = new ArrayList<>();
            for (int run = 0; run <= runs; run++) {
                driver.get(gateway.resolve("/today").toString());
                wait.until(d -> ((JavascriptExecutor) d).executeScript(
                        "return performance.getEntriesByName('haven:today:ready').length > 0"));
                @SuppressWarnings("unchecked")
                Map<String, Object> timing = (Map<String, Object>) driver.executeScript("""
                        const resource = (part) => performance.getEntriesByType('resource').find(e => e.name.includes(part));
                        const navigation = performance.getEntriesByType('navigation')[0];
                        return {
                          ready: performance.getEntriesByName('haven:today:ready')[0].startTime,
                          domContentLoaded: navigation.domContentLoadedEventEnd,
                          deadlines: resource('/api/deadlines').duration,
                          deadlinesBytes: resource('/api/deadlines').encodedBodySize,
                          notifications: resource('/api/notifications').duration,
                          rows: document.querySelectorAll('#today-deadlines .deadline').length,
                          notes: document.querySelectorAll('#today-notifications .notification').length,
                        };""");
                double readyMillis = number(timing.get("ready"));
                System.out.printf("measure: %s ready %4.0f ms  (DOMContentLoaded %4.0f ms, GET /api/deadlines %4.0f ms %d bytes,"
                                + " GET /api/notifications %4.0f ms; %s deadlines and %s notifications on screen)%n",
                        run == 0 ? "first" : "run " + run, readyMillis, number(timing.get("domContentLoaded")),
                        number(timing.get("deadlines")), (long) number(timing.get("deadlinesBytes")),
                        number(timing.get("notifications")), timing.get("rows"), timing.get("notes"));
                if (run > 0) {
                    ready.add(readyMillis);
                }
            }
            ready.sort(Double::compare);
            System.out.printf("Today page, navigation start to deadlines and notifications on screen, %d runs after the first:"
                            + " median %.0f ms, p90 %.0f ms, max %.0f ms%n",
                    ready.size(), percentile(ready, 50), percentile(ready, 90), ready.getLast());
        } finally {
            driver.quit();
        }
    }

    private static double percentile(List<Double> sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static double number(Object value) {
        return value == null ? Double.NaN : ((Number) value).doubleValue();
    }

    private static int count(String body, String field) {
        int count = 0;
        for (int at = body.indexOf(field); at >= 0; at = body.indexOf(field, at + 1)) {
            count++;
        }
        return count;
    }

    private static String get(URI gateway, String path, String apiKey) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(gateway.resolve(path))
                .header("X-API-Key", apiKey).header("Accept", "application/json").timeout(Duration.ofSeconds(60)).GET().build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static int post(URI gateway, String path, String body, String apiKey) throws Exception {
        return send(HttpRequest.newBuilder(gateway.resolve(path))
                .header("X-API-Key", apiKey).header("Content-Type", "application/json").header("Accept", "application/json")
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body)).build()).statusCode();
    }

    /** Sends, and after a 429 waits for its Retry-After (the gateway's per-caller rate limit) and sends again. */
    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        while (true) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 429) {
                return response;
            }
            long seconds = response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L);
            Thread.sleep(Duration.ofSeconds(Math.max(1, seconds)));
        }
    }
}
