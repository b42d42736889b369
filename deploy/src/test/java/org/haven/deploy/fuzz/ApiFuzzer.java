package org.haven.deploy.fuzz;

import com.sun.net.httpserver.HttpServer;
import org.haven.deploy.fuzz.Endpoint.Effect;
import org.haven.deploy.fuzz.Generator.Request;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Sends valid and broken requests to every endpoint through the gateway for a bounded number of requests and time,
 * from one seed, and checks every answer: never a 5xx, never a stack trace, class name or SQL in a body, and a
 * refused request changes nothing (the history of a case that only ever gets broken writes stays as it was; the
 * webhook list and the notification preferences stay as they were; and, when the event store can be read, every
 * event written by an API key during the run belongs to a request that was answered 2xx).
 */
public final class ApiFuzzer {

    /** Stack traces, Java class names, SQL and driver errors: nothing of the kind may reach a client. */
    static final Pattern LEAK = Pattern.compile(
            "Exception\\b|\\tat |\\n\\s+at [a-z]|Caused by|\\.java:\\d+|\\b(?:java|javax|jakarta|sun|com\\.fasterxml|tools\\.jackson)\\.[a-z]+\\.[A-Za-z]"
                    + "|org\\.(?:springframework|haven|hibernate|axonframework|postgresql|apache)|SQLState|SQL \\[|\"trace\"\\s*:"
                    + "|syntax error at or near|violates (?:unique|foreign key|check|not-null) constraint|PSQLException|\\bERROR: ");

    /** How big and how long a run is, and from which seed. */
    public record Settings(long seed, int maxRequests, Duration maxTime, int requestsPerSecond, boolean allowReplay) {
    }

    /** One finding: what was sent, what came back. */
    public record Finding(String endpoint, String request, String mutation, int status, String body) {
        @Override
        public String toString() {
            return endpoint + " → " + status + " for " + request + (mutation == null ? " (valid)" : " [" + mutation + "]")
                    + (body.isEmpty() ? "" : ": " + (body.length() > 300 ? body.substring(0, 300) + "…" : body));
        }
    }

    /** Requests and answers of one endpoint. */
    public static final class Stats {
        int valid;
        int broken;
        final Map<Integer, Integer> statuses = new TreeMap<>();

        int requests() {
            return valid + broken;
        }
    }

    public static final class Result {
        public final Map<String, Stats> byEndpoint = new LinkedHashMap<>();
        public final List<Finding> serverErrors = new ArrayList<>();
        public final List<Finding> leaks = new ArrayList<>();
        public final List<Finding> stateChanges = new ArrayList<>();
        public final List<Finding> noAnswer = new ArrayList<>();
        public final List<Finding> projectionBehind = new ArrayList<>();
        public final List<String> notes = new ArrayList<>();
        public String catalogueSource;
        public long seed;
        public Duration took;
        public int requests;
        public int rateLimited;
        public int acceptedWrites;
        public int brokenButAccepted;
        /** Writes with a mutation answered 2xx: not a failure by itself (an unknown header is harmless), read them. */
        public final List<Finding> brokenAccepted = new ArrayList<>();
        public int unsendable;
        public int endpoints;

        public boolean pass() {
            return serverErrors.isEmpty() && leaks.isEmpty() && stateChanges.isEmpty() && noAnswer.isEmpty()
                    && projectionBehind.isEmpty();
        }

        /** A Markdown report: the table per endpoint and every finding. */
        public String report() {
            StringBuilder text = new StringBuilder();
            text.append(String.format(Locale.ROOT, "Fuzzing through the gateway: %d requests in %.0f s, seed %d, endpoints from %s%n%n",
                    requests, took.toMillis() / 1000.0, seed, catalogueSource));
            text.append("| endpoint | requests | valid | broken | statuses |\n|---|---|---|---|---|\n");
            Map<Integer, Integer> total = new TreeMap<>();
            byEndpoint.forEach((name, stats) -> {
                stats.statuses.forEach((status, count) -> total.merge(status, count, Integer::sum));
                text.append("| ").append(name).append(" | ").append(stats.requests()).append(" | ").append(stats.valid)
                        .append(" | ").append(stats.broken).append(" | ").append(statuses(stats.statuses)).append(" |\n");
            });
            text.append("| **all ").append(byEndpoint.size()).append(" endpoints** | ").append(requests).append(" | | | ")
                    .append(statuses(total)).append(" |\n\n");
            text.append(String.format("5xx: %d · bodies leaking internals: %d · state changed by a refused request: %d · no answer: %d"
                            + " · projection behind: %d"
                            + " · rate-limited (429, retried): %d · writes accepted: %d (of them broken but accepted: %d)"
                    + " · not sendable by the client (skipped): %d%n",
                    serverErrors.size(), leaks.size(), stateChanges.size(), noAnswer.size(), projectionBehind.size(), rateLimited,
                    acceptedWrites,
                    brokenButAccepted, unsendable));
            section(text, "5xx", serverErrors);
            section(text, "Leaks", leaks);
            section(text, "State changed by a refused request", stateChanges);
            section(text, "No answer", noAnswer);
            section(text, "Projection behind after the run", projectionBehind);
            section(text, "Broken but accepted (2xx writes with a mutation; to read, not failures)", brokenAccepted);
            notes.forEach(note -> text.append("- ").append(note).append('\n'));
            return text.toString();
        }

        private static String statuses(Map<Integer, Integer> statuses) {
            List<String> parts = new ArrayList<>();
            statuses.forEach((status, count) -> parts.add((status == -1 ? "none" : status.toString()) + "×" + count));
            return String.join(" ", parts);
        }

        private static void section(StringBuilder text, String title, List<Finding> findings) {
            if (!findings.isEmpty()) {
                text.append("\n").append(title).append(" (").append(findings.size()).append("):\n");
                findings.stream().limit(30).forEach(f -> text.append("- ").append(f).append('\n'));
            }
        }
    }

    /** Reads the case service's event store, for counting the events each API key wrote. */
    public interface EventStore {
        Connection connect() throws SQLException;
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> API_KEY_ACTORS = Set.of("api-key:dev-a-intake", "api-key:dev-a-caseworker",
            "api-key:dev-a-auditor", "api-key:dev-a-admin", "api-key:dev-b-caseworker");

    private final URI gateway;
    private final Settings settings;
    private final EventStore eventStore;
    private final Consumer<String> log;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Random random;
    private final Result result = new Result();

    // the fuzzer's own cases and ids
    private final List<String> pristine = new ArrayList<>();
    /** Every case an accepted write went to: their projection must catch up by the end. */
    private final Set<String> written = new java.util.LinkedHashSet<>();
    private final Map<String, Integer> pristineHistory = new LinkedHashMap<>();
    private String workCase;
    private int writesOnWorkCase;
    private String rfeId = UUID.randomUUID().toString();
    private final List<String> webhooks = new ArrayList<>();
    private String replayId = UUID.randomUUID().toString();
    private boolean replayStarted;
    private String notificationId = UUID.randomUUID().toString();
    private JsonNode preferences;
    /** org-a's notification preferences before the run, put back after it (valid PUTs choose them at random). */
    private JsonNode originalPreferences;
    private int webhookCount;
    private HttpServer receiver;
    private Instant lastSent = Instant.EPOCH;

    /**
     * @param eventStore null when the event store cannot be read (a stack of another process); the per-request checks
     *                   still run
     */
    public ApiFuzzer(URI gateway, Settings settings, EventStore eventStore, Consumer<String> log) {
        this.gateway = gateway;
        this.settings = settings;
        this.eventStore = eventStore;
        this.log = log;
        this.random = new Random(settings.seed());
    }

    public Result run() {
        Instant began = Instant.now();
        result.seed = settings.seed();
        startReceiver();
        try {
            List<Endpoint> endpoints = endpoints();
            result.endpoints = endpoints.size();
            prepare();
            long apiKeyEventsBefore = apiKeyEvents();
            openedOutsideRequests = 0;
            Generator generator = new Generator(random, context());
            Instant deadline = began.plus(settings.maxTime());
            List<Endpoint> round = new ArrayList<>();
            while (result.requests < settings.maxRequests() && Instant.now().isBefore(deadline)) {
                if (round.isEmpty()) {
                    round.addAll(endpoints);
                    Collections.shuffle(round, random);
                }
                Endpoint endpoint = round.removeFirst();
                boolean broken = random.nextInt(4) != 0;
                if (endpoint.effect() == Effect.REPLAY && !broken && (!settings.allowReplay() || replayStarted)) {
                    broken = true; // a rebuild of the projection at most once per run, and never in ./mvnw verify
                }
                Request request = broken ? generator.broken(endpoint) : generator.valid(endpoint);
                exchange(request);
            }
            finish(apiKeyEventsBefore);
        } finally {
            restoreOriginalPreferences();
            receiver.stop(0);
        }
        result.took = Duration.between(began, Instant.now());
        return result;
    }

    // --- preparing ----------------------------------------------------------------------------------------

    private List<Endpoint> endpoints() {
        Answer spec = send("GET", "/api/docs/openapi.json", Map.of("X-API-Key", Catalogue.ADMIN, "Accept", "application/json"), null);
        if (spec.status() == 200) {
            try {
                SpecEndpoints fromSpec = SpecEndpoints.read(JSON.readTree(spec.body()), Catalogue.endpoints());
                result.catalogueSource = "the gateway's OpenAPI document (/api/docs/openapi.json): "
                        + fromSpec.endpoints().size() + " operations";
                result.notes.addAll(fromSpec.notes());
                return fromSpec.endpoints();
            } catch (RuntimeException e) {
                result.notes.add("The OpenAPI document did not read (" + e.getMessage() + "); used the built-in catalogue");
            }
        } else {
            result.notes.add("GET /api/docs/openapi.json answered " + spec.status()
                    + ": no OpenAPI document yet, requests come from the API contract (architecture.md, the controllers)");
        }
        result.catalogueSource = "the built-in catalogue of the API contract";
        return Catalogue.endpoints();
    }

    private void prepare() {
        for (int i = 0; i < 2; i++) {
            pristine.add(openCase("Pristine" + i));
        }
        workCase = openCase("Work");
        for (String id : pristine) {
            pristineHistory.put(id, awaitSettledHistory(id));
        }
        Answer current = send("GET", "/api/notification-preferences", admin(), null);
        if (current.status() == 200) {
            preferences = JSON.readTree(current.body());
            originalPreferences = preferences;
        } else {
            preferences = JSON.createObjectNode();
            result.notes.add("GET /api/notification-preferences answered " + current.status() + " through the gateway: the"
                    + " preferences are not reachable, so a refused PUT is not checked for changes");
        }
        webhookCount = webhookCount();
        Answer notifications = send("GET", "/api/notifications?caseId=" + workCase, caseworker(), null);
        firstId(notifications).ifPresent(id -> notificationId = id);
    }

    private void restoreOriginalPreferences() {
        if (originalPreferences == null) {
            return;
        }
        var body = JSON.createObjectNode();
        for (String field : List.of("eventTypes", "channels", "reminderLeadTimes")) {
            if (originalPreferences.has(field)) {
                body.set(field, originalPreferences.get(field));
            }
        }
        Answer restored = send("PUT", "/api/notification-preferences", withJson(admin()), body.toString());
        if (restored.status() != 200) {
            result.notes.add("Putting org-a's notification preferences back after the run answered " + restored.status());
        }
    }

    private String openCase(String name) {
        String body = """
                {"client":{"givenName":"%s","familyName":"Fuzz","dateOfBirth":"1990-05-01","countryOfNationality":"UA",
                 "preferredLanguage":"en"}}""".formatted(name);
        Answer answer = send("POST", "/api/cases", withJson(caseworker()), body);
        if (answer.status() != 201) {
            throw new IllegalStateException("Opening a case for the fuzzer failed: " + answer.status() + " " + answer.body());
        }
        openedOutsideRequests++;
        return JSON.readTree(answer.body()).path("id").asString();
    }

    /** The history length once the asynchronous assessment of a new case has landed (stable for 3 s, at most 40 s). */
    private int awaitSettledHistory(String caseId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(40));
        int last = -1;
        Instant stableSince = Instant.now();
        while (Instant.now().isBefore(deadline)) {
            int length = historyLength(caseId);
            if (length != last) {
                last = length;
                stableSince = Instant.now();
            } else if (Duration.between(stableSince, Instant.now()).toSeconds() >= 3) {
                return length;
            }
            sleep(500);
        }
        return last;
    }

    private Generator.Context context() {
        return new Generator.Context() {
            public String workCase() {
                return workCase;
            }

            public String pristineCase() {
                return pristine.get(random.nextInt(pristine.size()));
            }

            public String rfeId() {
                return rfeId;
            }

            public String webhookId() {
                return webhooks.isEmpty() ? UUID.randomUUID().toString() : webhooks.get(random.nextInt(webhooks.size()));
            }

            public String replayId() {
                return replayId;
            }

            public String notificationId() {
                return notificationId;
            }

            public String receiverUrl() {
                return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks";
            }

            public JsonNode currentPreferences() {
                return preferences;
            }
        };
    }

    // --- one request -----------------------------------------------------------------------------------------

    private void exchange(Request request) {
        Endpoint endpoint = request.endpoint();
        int webhooksBefore = webhookCount;
        Answer answer = sendPaced(request);
        if (answer.status() == -2) {
            result.unsendable++;
            return; // a target the JDK client cannot even build (URI syntax): never reached the gateway
        }
        result.requests++;
        Stats stats = result.byEndpoint.computeIfAbsent(endpoint.name(), name -> new Stats());
        if (request.valid()) {
            stats.valid++;
        } else {
            stats.broken++;
        }
        stats.statuses.merge(answer.status(), 1, Integer::sum);
        Finding finding = new Finding(endpoint.name(), request.endpoint().method() + " " + shortTarget(request),
                request.mutation(), answer.status(), answer.body() == null ? "" : answer.body());
        if (answer.status() == -1) {
            result.noAnswer.add(finding);
            return;
        }
        if (answer.status() >= 500) {
            result.serverErrors.add(finding);
        }
        if (answer.body() != null && LEAK.matcher(answer.body()).find()) {
            result.leaks.add(finding);
        }
        boolean accepted = answer.status() / 100 == 2;
        if (accepted && !request.valid() && endpoint.effect() != Effect.NONE) {
            result.brokenButAccepted++;
            result.brokenAccepted.add(finding);
        }
        switch (endpoint.effect()) {
            case CASE_EVENT, OPEN_CASE -> {
                if (accepted) {
                    result.acceptedWrites++;
                    trackWritten(request, answer);
                    if (request.toPristineCase()) {
                        retirePristine(request.path());
                    }
                    afterValidWrite(request, answer);
                } else if (request.toPristineCase()) {
                    checkPristineUnchanged(request, finding);
                }
            }
            case WEBHOOK_CREATE -> {
                if (accepted) {
                    webhooks.add(JSON.readTree(answer.body()).path("id").asString());
                    webhookCount++;
                } else if (webhookCount() != webhooksBefore) {
                    result.stateChanges.add(withNote(finding, "the webhook list changed"));
                    webhookCount = webhookCount();
                }
            }
            case WEBHOOK_DELETE -> {
                if (accepted) {
                    webhooks.removeIf(request.path()::endsWith);
                    webhookCount = webhookCount();
                } else if (webhookCount() != webhooksBefore) {
                    result.stateChanges.add(withNote(finding, "the webhook list changed"));
                    webhookCount = webhookCount();
                }
            }
            case PREFERENCES -> {
                Answer read = send("GET", "/api/notification-preferences", admin(), null);
                if (read.status() != 200) {
                    return;
                }
                JsonNode now = JSON.readTree(read.body());
                if (accepted) {
                    preferences = now;
                } else if (!sameChoices(now, preferences)) {
                    result.stateChanges.add(withNote(finding, "the notification preferences changed"));
                    preferences = now;
                }
            }
            case REPLAY -> {
                if (accepted) {
                    replayStarted = true;
                    replayId = JSON.readTree(answer.body()).path("id").asString(replayId);
                    awaitReplay();
                }
            }
            default -> {
            }
        }
    }

    private void trackWritten(Request request, Answer answer) {
        try {
            String id = JSON.readTree(answer.body()).path("id").asString(null);
            if (id != null) {
                written.add(id);
            }
        } catch (RuntimeException notJson) {
            // counted anyway; the store count covers it
        }
    }

    private void afterValidWrite(Request request, Answer answer) {
        if (request.endpoint().template().endsWith("/rfes")) {
            // the RFE's id is in the history, for valid answers to it
            lastHistoryPayload(workCase).map(payload -> payload.path("rfeId").asString(null))
                    .filter(id -> id != null).ifPresent(id -> rfeId = id);
        }
        if (++writesOnWorkCase >= 40) {
            workCase = openCase("Work");
            writesOnWorkCase = 0;
        }
    }

    private void checkPristineUnchanged(Request request, Finding finding) {
        String caseId = pristineIn(request.path());
        if (caseId == null) {
            return; // the path was mutated away from the case
        }
        JsonNode history = history(caseId);
        int expected = pristineHistory.get(caseId);
        if (history.size() != expected) {
            List<String> byCaller = new ArrayList<>();
            List<String> bySystem = new ArrayList<>();
            for (int i = expected; i < history.size(); i++) {
                JsonNode entry = history.get(i);
                String actor = entry.path("actor").asString("");
                (API_KEY_ACTORS.contains(actor) ? byCaller : bySystem).add(entry.path("type").asString() + " by " + actor);
            }
            if (!byCaller.isEmpty()) {
                result.stateChanges.add(withNote(finding, "case " + caseId + " had " + expected + " events, now "
                        + history.size() + ": " + byCaller + (bySystem.isEmpty() ? "" : " and " + bySystem)));
            } else {
                result.notes.add("events of the system (not of a request) arrived on a case that only refused writes went to,"
                        + " after it had been quiet for 3 s: " + bySystem + "; not counted as a change by a request");
            }
            // What a wrongful write sets off (its assessment, deadlines) would show on the next checks; start afresh.
            retirePristine(request.path());
        }
    }

    private void retirePristine(String path) {
        String caseId = pristineIn(path);
        if (caseId != null) {
            pristine.remove(caseId);
            pristineHistory.remove(caseId);
            String fresh = openCase("Pristine");
            pristine.add(fresh);
            pristineHistory.put(fresh, awaitSettledHistory(fresh));
        }
    }

    private String pristineIn(String path) {
        // a UUID in upper case names the same case (one of the path mutations)
        String lower = path.toLowerCase(Locale.ROOT);
        return pristine.stream().filter(id -> lower.startsWith("/api/cases/" + id + "/")).findFirst().orElse(null);
    }

    private void awaitReplay() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            Answer job = send("GET", "/api/audit/replays/" + replayId, Map.of("X-API-Key", Catalogue.AUDITOR), null);
            String status = job.status() == 200 ? JSON.readTree(job.body()).path("status").asString("") : "";
            if (!status.equals("RUNNING") && !status.equals("SWAPPING")) {
                result.notes.add("projection rebuild " + replayId + " ended " + status + " (HTTP " + job.status() + ")");
                return;
            }
            sleep(500);
        }
        result.notes.add("projection rebuild " + replayId + " still running after 60 s");
    }

    // --- at the end ---------------------------------------------------------------------------------------------

    /**
     * The case projection caught up with every case written to: its version is the last sequence of the case's history
     * (a request that stalled the projection, e.g. with a value the read model cannot store, shows here). With the event
     * store readable, every case of the store is compared with its case_summary row.
     */
    private void checkProjectionCaughtUp() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        List<String> behind;
        do {
            behind = new ArrayList<>();
            for (String caseId : written) {
                JsonNode history = history(caseId);
                long last = history.isEmpty() ? -1 : history.get(history.size() - 1).path("sequence").asLong();
                Answer view = send("GET", "/api/cases/" + caseId, caseworker(), null);
                long version = view.status() == 200 ? JSON.readTree(view.body()).path("version").asLong(-1) : -1;
                if (version != last) {
                    behind.add(caseId + ": projection at " + (view.status() == 200 ? "version " + version : "HTTP " + view.status())
                            + ", history at " + last);
                }
            }
            behind.addAll(storeVersusSummary());
            if (!behind.isEmpty()) {
                sleep(2000);
            }
        } while (!behind.isEmpty() && Instant.now().isBefore(deadline));
        for (String lag : behind) {
            result.projectionBehind.add(new Finding("case-summary projection", lag, "60 s after the run", 0, ""));
        }
        if (behind.isEmpty()) {
            result.notes.add("the case projection caught up with all " + written.size() + " cases written to"
                    + (eventStore != null ? ", and case_summary.version = max sequence for every case of the event store" : ""));
        }
    }

    private List<String> storeVersusSummary() {
        if (eventStore == null) {
            return List.of();
        }
        List<String> off = new ArrayList<>();
        try (Connection db = eventStore.connect();
             var q = db.prepareStatement("""
                     select e.aggregate_identifier, max(e.sequence_number), s.version
                       from domain_event_entry e left join case_summary s on s.case_id::text = e.aggregate_identifier
                      group by e.aggregate_identifier, s.version
                     having s.version is null or s.version <> max(e.sequence_number)""");
             var rows = q.executeQuery()) {
            while (rows.next()) {
                off.add(rows.getString(1) + ": case_summary.version " + rows.getString(3) + ", max sequence " + rows.getLong(2));
            }
        } catch (SQLException e) {
            result.notes.add("could not compare case_summary with the event store: " + e.getMessage());
        }
        return off;
    }

    private void finish(long apiKeyEventsBefore) {
        checkProjectionCaughtUp();
        for (var entry : pristineHistory.entrySet()) {
            int length = historyLength(entry.getKey());
            if (length != entry.getValue()) {
                result.stateChanges.add(new Finding("GET /api/cases/{caseId}/history", "case " + entry.getKey(), "after the run",
                        200, "only refused writes went to this case, yet it has " + length + " events, " + entry.getValue()
                        + " before"));
            }
        }
        if (apiKeyEventsBefore >= 0) {
            long written = apiKeyEvents() - apiKeyEventsBefore;
            // + the work and pristine cases the fuzzer opened itself, outside the counted requests
            long expected = result.acceptedWrites + openedOutsideRequests;
            if (written != expected) {
                result.stateChanges.add(new Finding("event store", "events written by API keys during the run", null, 0,
                        written + " events, but " + expected + " writes were answered 2xx (" + result.acceptedWrites
                                + " fuzzed + " + openedOutsideRequests + " cases the fuzzer opened)"));
            } else {
                result.notes.add("event store: " + written + " events written by API keys during the run = "
                        + result.acceptedWrites + " writes answered 2xx + " + openedOutsideRequests + " cases the fuzzer opened itself");
            }
        } else {
            result.notes.add("the event store was not readable: the count of written events was not checked");
        }
        // Leave the stack as it was found: the webhooks the run made go, the preferences return.
        for (String id : List.copyOf(webhooks)) {
            send("DELETE", "/api/webhooks/" + id, admin(), null);
        }
    }

    private int openedOutsideRequests;

    /** Events whose actor is one of the dev API keys; -1 when the event store cannot be read. */
    private long apiKeyEvents() {
        if (eventStore == null) {
            return -1;
        }
        try (Connection db = eventStore.connect();
             var q = db.prepareStatement("""
                     select count(*) from domain_event_entry
                      where convert_from(meta_data, 'UTF8')::jsonb ->> 'actor' = any(?)""")) {
            q.setArray(1, db.createArrayOf("varchar", API_KEY_ACTORS.toArray()));
            try (var rows = q.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            result.notes.add("could not count the events of the API keys: " + e.getMessage());
            return -1;
        }
    }

    // --- HTTP ------------------------------------------------------------------------------------------------------

    record Answer(int status, String body) {
    }

    private Answer sendPaced(Request request) {
        for (int attempt = 0; attempt < 5; attempt++) {
            long gapMillis = 1000L / Math.max(1, settings.requestsPerSecond());
            long wait = Duration.between(Instant.now(), lastSent.plusMillis(gapMillis)).toMillis();
            if (wait > 0) {
                sleep(wait);
            }
            lastSent = Instant.now();
            Answer answer = send(request.endpoint().method(), request.target(), request.headers(), request.body());
            if (answer.status() != 429) {
                return answer;
            }
            result.rateLimited++;
            sleep(1000);
        }
        return send(request.endpoint().method(), request.target(), request.headers(), request.body());
    }

    private Answer send(String method, String target, Map<String, String> headers, Object body) {
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(gateway.resolve(target)).timeout(Duration.ofSeconds(30));
        } catch (IllegalArgumentException e) {
            return new Answer(-2, "not a URI: " + e.getMessage());
        }
        headers.forEach((name, value) -> {
            try {
                builder.header(name, value);
            } catch (IllegalArgumentException notAllowedByTheClient) {
                // e.g. a header value the JDK client refuses to send; the request goes without it
            }
        });
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : body instanceof byte[] bytes ? HttpRequest.BodyPublishers.ofByteArray(bytes)
                : HttpRequest.BodyPublishers.ofString((String) body);
        builder.method(method, publisher);
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Answer(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> caseworker() {
        return Map.of("X-API-Key", Catalogue.CASEWORKER, "Accept", "application/json");
    }

    private Map<String, String> admin() {
        return Map.of("X-API-Key", Catalogue.ADMIN, "Accept", "application/json");
    }

    private static Map<String, String> withJson(Map<String, String> headers) {
        Map<String, String> with = new LinkedHashMap<>(headers);
        with.put("Content-Type", "application/json");
        return with;
    }

    private int historyLength(String caseId) {
        return history(caseId).size();
    }

    private JsonNode history(String caseId) {
        Answer history = send("GET", "/api/cases/" + caseId + "/history", caseworker(), null);
        if (history.status() != 200) {
            throw new IllegalStateException("History of " + caseId + ": " + history.status() + " " + history.body());
        }
        return JSON.readTree(history.body());
    }

    private java.util.Optional<JsonNode> lastHistoryPayload(String caseId) {
        Answer history = send("GET", "/api/cases/" + caseId + "/history", caseworker(), null);
        if (history.status() != 200) {
            return java.util.Optional.empty();
        }
        JsonNode entries = JSON.readTree(history.body());
        for (int i = entries.size() - 1; i >= 0; i--) {
            if ("RfeReceived".equals(entries.get(i).path("type").asString())) {
                return java.util.Optional.of(entries.get(i).path("payload"));
            }
        }
        return java.util.Optional.empty();
    }

    private int webhookCount() {
        Answer list = send("GET", "/api/webhooks", admin(), null);
        return list.status() == 200 ? JSON.readTree(list.body()).size() : -1;
    }

    private static java.util.Optional<String> firstId(Answer answer) {
        if (answer.status() != 200) {
            return java.util.Optional.empty();
        }
        JsonNode body = JSON.readTree(answer.body());
        JsonNode items = body.isArray() ? body : body.path("items");
        return items.isArray() && !items.isEmpty() ? java.util.Optional.ofNullable(items.get(0).path("id").asString(null))
                : java.util.Optional.empty();
    }

    private static JsonNode json(Answer answer, String what) {
        if (answer.status() != 200) {
            throw new IllegalStateException("Reading " + what + " failed: " + answer.status() + " " + answer.body());
        }
        return JSON.readTree(answer.body());
    }

    /** The preferences' choices, without who changed them when. */
    private static boolean sameChoices(JsonNode a, JsonNode b) {
        for (String field : List.of("eventTypes", "channels", "reminderLeadTimes")) {
            if (!a.path(field).equals(b.path(field))) {
                return false;
            }
        }
        return true;
    }

    private static Finding withNote(Finding finding, String note) {
        return new Finding(finding.endpoint(), finding.request(), finding.mutation(), finding.status(),
                note + "; answer: " + finding.body());
    }

    private static String shortTarget(Request request) {
        String target = request.target();
        return target.length() > 160 ? target.substring(0, 157) + "…(" + target.length() + " chars)" : target;
    }

    private void startReceiver() {
        try {
            receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        receiver.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        receiver.createContext("/hooks", exchange -> {
            try (exchange; InputStream body = exchange.getRequestBody()) {
                body.readAllBytes();
                exchange.sendResponseHeaders(200, -1);
            }
        });
        receiver.start();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
