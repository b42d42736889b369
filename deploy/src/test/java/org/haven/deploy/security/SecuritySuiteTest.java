package org.haven.deploy.security;

import org.haven.deploy.security.ApiSpec.Endpoint;
import org.haven.deploy.security.HavenHttp.Answer;
import org.haven.deploy.security.HavenHttp.Call;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The security suite of issue 7, against the whole stack: every endpoint of the gateway's aggregated OpenAPI
 * document meets every attack that applies to it. The endpoints come from the document, never from a list
 * here; the rules of who may do what come from architecture.md (roles) and are applied to each path.
 * Prints, and writes to target/security-suite-report.txt, how many endpoints each attack was tried on.
 */
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class SecuritySuiteTest {

    enum Role { INTAKE, CASEWORKER, AUDITOR, ADMIN }

    private static final String ADMIN_A = "hvn_dev_a_admin";
    private static final String CASEWORKER_B = "hvn_dev_b_caseworker";
    private static final int ONE_MB = 1024 * 1024;
    private static final int KEYS_PER_ROLE = 8;
    private static final Pattern LEAK = Pattern.compile(
            "Exception|\\tat |\\n\\s+at [a-z]|Caused by|\\.java:\\d+|org\\.springframework|org\\.haven\\.|org\\.hibernate"
                    + "|org\\.axonframework|org\\.postgresql|SQLState|SQL \\[|\"trace\"");
    /** Spring Boot's actuator endpoint ids; only health may answer, and only health on the gateway without credentials. */
    private static final List<String> ACTUATOR = List.of("/actuator", "/actuator/env", "/actuator/beans", "/actuator/configprops",
            "/actuator/mappings", "/actuator/heapdump", "/actuator/threaddump", "/actuator/loggers", "/actuator/metrics",
            "/actuator/info", "/actuator/shutdown", "/actuator/gateway", "/actuator/gateway/routes", "/actuator/gateway/refresh",
            "/actuator/scheduledtasks", "/actuator/caches", "/actuator/conditions", "/actuator/prometheus",
            "/actuator/httpexchanges", "/actuator/sbom", "/actuator/health/../env");

    private static final Map<String, AtomicInteger> tried = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> requestsPerAttack = new ConcurrentHashMap<>();
    private static final AtomicInteger fuzzedBodies = new AtomicInteger();
    private static final AtomicInteger roleRefusals = new AtomicInteger();
    private static final JsonMapper json = JsonMapper.builder().build();
    private static final HavenHttp http = new HavenHttp();
    private static final Map<Role, List<String>> keysOfOrgA = new LinkedHashMap<>();
    private static final Map<Role, AtomicInteger> nextKey = new ConcurrentHashMap<>();

    private static SuiteStack stack;
    private static ApiSpec spec;
    private static List<Endpoint> endpoints;
    private static String caseOfOrgA;
    private static String fuzzCaseOfOrgA;
    private static long seed;

    @BeforeAll
    static void stackKeysAndCases() {
        stack = SuiteStack.shared();
        Answer document = http.send(new Call("GET", gateway("/api/docs/openapi.json")).apiKey(ADMIN_A));
        assertThat(document.status()).as(document.body()).isEqualTo(200);
        JsonNode root = json.readTree(document.body());
        assertThat(root.path("info").path("x-unavailable-services").isMissingNode())
                .as("every service published its spec: %s", root.path("info")).isTrue();
        spec = new ApiSpec(root);
        endpoints = spec.endpoints();
        assertThat(endpoints).as("endpoints in the aggregated spec").hasSizeGreaterThan(5);

        for (Role role : Role.values()) {
            List<String> keys = new ArrayList<>();
            keys.add("hvn_dev_a_" + role.name().toLowerCase());
            // The gateway allows each key 50 requests a second; the suite sends faster than that from one thread.
            for (int i = 0; i < KEYS_PER_ROLE; i++) {
                keys.add(createKey(role));
            }
            keysOfOrgA.put(role, keys);
            nextKey.put(role, new AtomicInteger());
        }
        caseOfOrgA = openCase();
        fuzzCaseOfOrgA = openCase();
        seed = Long.getLong("haven.fuzz.seed", System.nanoTime());
        System.out.printf("Security suite: %d endpoints in the aggregated OpenAPI document; fuzz seed %d (-Dhaven.fuzz.seed=%d replays it)%n",
                endpoints.size(), seed, seed);
    }

    @AfterAll
    static void report() throws IOException {
        if (endpoints == null) {
            return;
        }
        StringBuilder report = new StringBuilder();
        report.append("Security suite against the whole stack: %d endpoints in the aggregated OpenAPI document (fuzz seed %d)%n"
                .formatted(endpoints.size(), seed));
        report.append("%-66s %9s %9s%n".formatted("attack case", "endpoints", "requests"));
        int endpointCases = 0;
        for (String attack : tried.keySet().stream().sorted().toList()) {
            int count = tried.get(attack).get();
            endpointCases += count;
            report.append("%-66s %9d %9d%n".formatted(attack, count, requestsPerAttack.getOrDefault(attack, new AtomicInteger()).get()));
        }
        report.append("endpoints x attack cases tried: %d (%d attack cases); within them %d endpoint x role refusals and %d fuzzed bodies; "
                .formatted(endpointCases, tried.size(), roleRefusals.get(), fuzzedBodies.get()));
        report.append("requests sent: %d, of them answered only when sent again after 20 s without an answer: %d%n"
                .formatted(http.requestCount(), http.timeoutsRetried()));
        System.out.print(report);
        Path target = Path.of("target");
        Files.createDirectories(target);
        Files.writeString(target.resolve("security-suite-report.txt"), report);
    }

    // --- authentication at the gateway ---------------------------------------------------------------------

    @TestFactory
    Stream<DynamicTest> withoutCredentialsEveryEndpointIsUnauthorized() {
        return each("01 no credentials -> 401", protectedEndpoints(), endpoint -> {
            Answer answer = send("01 no credentials -> 401", request(endpoint, caseOfOrgA));
            assertUnauthorizedProblem(endpoint, answer);
        });
    }

    @TestFactory
    Stream<DynamicTest> withAnUnknownApiKeyEveryEndpointIsUnauthorized() {
        return each("02 unknown API key -> 401", protectedEndpoints(), endpoint -> {
            Answer answer = send("02 unknown API key -> 401", request(endpoint, caseOfOrgA).apiKey("hvn_" + UUID.randomUUID()));
            assertUnauthorizedProblem(endpoint, answer);
        });
    }

    @TestFactory
    Stream<DynamicTest> spoofedIdentityHeadersAloneAreUnauthorized() {
        String attack = "03 spoofed identity headers, no credentials -> 401";
        return each(attack, protectedEndpoints(), endpoint -> {
            Answer answer = send(attack, spoofed(request(endpoint, caseOfOrgA)));
            assertUnauthorizedProblem(endpoint, answer);
        });
    }

    @TestFactory
    Stream<DynamicTest> spoofedIdentityHeadersDoNotChangeTheCallersOrganization() {
        String attack = "04 spoofed org-a identity with org-b key -> 404";
        return each(attack, caseResourceEndpoints(), endpoint -> {
            Answer answer = send(attack, spoofed(request(endpoint, caseOfOrgA)).apiKey(CASEWORKER_B));
            assertThat(answer.status()).as("%s with org-b key and org-a headers: %s", endpoint, answer.body()).isEqualTo(404);
        });
    }

    // --- tenancy and roles in the services ----------------------------------------------------------------

    @TestFactory
    Stream<DynamicTest> anotherOrganizationsKeyFindsNothingOfItsResources() {
        String attack = "05 another organization's key -> 404";
        return each(attack, caseResourceEndpoints(), endpoint -> {
            Answer answer = send(attack, request(endpoint, caseOfOrgA).apiKey(CASEWORKER_B));
            assertThat(answer.status()).as("%s of an org-a case with an org-b key: %s", endpoint, answer.body()).isEqualTo(404);
        });
    }

    @TestFactory
    Stream<DynamicTest> anotherOrganizationsListsNeverShowTheCase() {
        String attack = "06 another organization's lists never show the resource";
        List<Endpoint> lists = endpoints.stream()
                .filter(e -> e.isRead() && e.pathParameters().isEmpty() && !e.owner().equals("gateway")).toList();
        return each(attack, lists, endpoint -> {
            Answer answer = send(attack, request(endpoint, caseOfOrgA).apiKey(CASEWORKER_B));
            assertThat(answer.status()).as("%s: %s", endpoint, answer.body()).isLessThan(500);
            assertThat(answer.body()).as("%s answered org-b with org-a's case", endpoint).doesNotContain(caseOfOrgA);
        });
    }

    @TestFactory
    Stream<DynamicTest> aRoleWithoutTheRightIsForbidden() {
        String attack = "07 role without the right -> 403";
        List<Endpoint> guarded = endpoints.stream().filter(e -> !refusedRoles(e).isEmpty()).toList();
        return each(attack, guarded, endpoint -> {
            for (Role role : refusedRoles(endpoint)) {
                roleRefusals.incrementAndGet();
                Answer answer = send(attack, request(endpoint, caseOfOrgA).apiKey(keyOf(role)));
                assertThat(answer.status()).as("%s as %s: %s", endpoint, role, answer.body()).isEqualTo(403);
                assertThat(answer.contentType()).as("%s as %s", endpoint, role).startsWith("application/problem+json");
            }
        });
    }

    // --- around the gateway: the services' own ports ------------------------------------------------------

    @TestFactory
    Stream<DynamicTest> aDirectCallToAServiceWithoutTokenIsUnauthorized() {
        return direct("08 direct call to the service port, no token -> 401", null);
    }

    @TestFactory
    Stream<DynamicTest> aDirectCallWithAnExpiredTokenIsUnauthorized() {
        return direct("09 direct call, expired internal token -> 401", InternalTokens.expired("org-a", List.of("CASEWORKER", "ADMIN")));
    }

    @TestFactory
    Stream<DynamicTest> aDirectCallWithAWronglySignedTokenIsUnauthorized() {
        return direct("10 direct call, wrongly signed internal token -> 401",
                InternalTokens.wronglySigned("org-a", List.of("CASEWORKER", "ADMIN")));
    }

    @TestFactory
    Stream<DynamicTest> aDirectCallWithAnUnsignedTokenIsUnauthorized() {
        return direct("11 direct call, unsigned (alg none) token -> 401", InternalTokens.unsigned("org-a", List.of("CASEWORKER", "ADMIN")));
    }

    private Stream<DynamicTest> direct(String attack, String token) {
        List<Endpoint> serviceEndpoints = endpoints.stream().filter(e -> !e.owner().equals("gateway")).toList();
        return each(attack, serviceEndpoints, endpoint -> {
            Call call = request(endpoint, caseOfOrgA, stack.service(endpoint.owner()));
            if (token != null) {
                call.header("Authorization", "Bearer " + token);
            }
            Answer answer = send(attack, call);
            assertThat(answer.status()).as("%s straight to %s: %s", endpoint, endpoint.owner(), answer.body()).isEqualTo(401);
            assertNoLeak(endpoint, answer);
        });
    }

    // --- abuse limits -----------------------------------------------------------------------------------

    @TestFactory
    Stream<DynamicTest> anOversizedBodyIsContentTooLarge() {
        String attack = "12 body over 1 MB -> 413";
        List<Endpoint> withBody = endpoints.stream().filter(Endpoint::hasBody).toList();
        byte[] oversized = ("{\"padding\":\"" + "x".repeat(ONE_MB) + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return each(attack, withBody, endpoint -> {
            Call call = request(endpoint, caseOfOrgA).body(oversized, "application/json");
            if (!endpoint.isPublic()) {
                call.apiKey(keyOf(allowedRole(endpoint)));
            }
            Answer answer = send(attack, call);
            assertThat(answer.status()).as("%s with %d bytes: %s", endpoint, oversized.length, answer.body()).isEqualTo(413);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        });
    }

    @TestFactory
    Stream<DynamicTest> aCallerOverItsRateIsTooManyRequests() {
        String attack = "13 caller over its rate -> 429 with Retry-After";
        String key = createKey(Role.CASEWORKER);
        return each(attack, protectedEndpoints(), endpoint -> {
            Answer answer = null;
            for (int attempt = 0; attempt < 5 && (answer == null || answer.status() != 429); attempt++) {
                drain(key, attack);
                answer = sendAmidABurst(key, attack, request(endpoint, caseOfOrgA).apiKey(key).noRetryWhenLimited());
            }
            assertThat(answer.status()).as("%s right after the key's bucket ran dry: %s", endpoint, answer.body()).isEqualTo(429);
            assertThat(answer.headers().firstValueAsLong("Retry-After").orElse(0)).as("Retry-After").isPositive();
            assertThat(answer.contentType()).startsWith("application/problem+json");
        });
    }

    @TestFactory
    Stream<DynamicTest> actuatorEndpointsOtherThanHealthAreUnreachable() {
        String attack = "14 actuator endpoints other than health unreachable (x5 targets)";
        return ACTUATOR.stream().map(path -> DynamicTest.dynamicTest(attack + ": " + path, () -> {
            count(attack);
            Answer withAdminKey = send(attack, new Call("GET", gateway(path)).apiKey(ADMIN_A));
            assertThat(withAdminKey.status()).as("gateway %s with the admin key: %s", path, withAdminKey.body()).isIn(400, 404);
            Answer anonymous = send(attack, new Call("GET", gateway(path)));
            assertThat(anonymous.status()).as("gateway %s without credentials", path).isIn(400, 401);
            for (String service : List.of("case-service", "eligibility-service", "notification-service")) {
                Answer direct = send(attack, new Call("GET", stack.service(service).resolve(path.replace("/../", "/%2e%2e/"))));
                assertThat(direct.status()).as("%s %s without token", service, path).isIn(400, 401);
            }
        }));
    }

    // --- fuzzing -----------------------------------------------------------------------------------------

    @TestFactory
    Stream<DynamicTest> fuzzedBodiesNeverCauseAServerErrorNorLeakInternals() {
        String attack = "15 fuzzed request bodies: no 5xx, no internals";
        int perEndpoint = Integer.getInteger("haven.fuzz.cases", 24);
        BodyFuzzer fuzzer = new BodyFuzzer(json, seed);
        List<Endpoint> withBody = endpoints.stream().filter(Endpoint::hasBody).toList();
        return each(attack, withBody, endpoint -> {
            List<BodyFuzzer.Case> cases = new ArrayList<>(fuzzer.wholeBodyCases());
            cases.addAll(fuzzer.fieldCases(spec.validValue(endpoint.requestSchema(), ""), perEndpoint));
            for (BodyFuzzer.Case fuzz : cases) {
                Call call = request(endpoint, fuzzCaseOfOrgA).body(fuzz.body(), fuzz.contentType());
                if (!endpoint.isPublic()) {
                    call.apiKey(keyOf(allowedRole(endpoint)));
                }
                Answer answer = send(attack, call);
                fuzzedBodies.incrementAndGet();
                assertThat(answer.status()).as("%s with %s: %s", endpoint, fuzz.name(), answer.body()).isLessThan(500);
                assertNoLeak(endpoint, answer);
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> fuzzedPathParametersNeverCauseAServerErrorNorLeakInternals() {
        String attack = "16 fuzzed path parameters: no 5xx, no internals";
        List<String> garbage = List.of("not-a-uuid", "00000000-0000-0000-0000-000000000000", "%2e%2e%2factuator%2fenv",
                "%00", "'%20OR%201=1--", "x".repeat(300), "%F0%9F%98%80", "-1", "1e400");
        List<Endpoint> withParameters = endpoints.stream().filter(e -> !e.pathParameters().isEmpty()).toList();
        return each(attack, withParameters, endpoint -> {
            for (String value : garbage) {
                String path = endpoint.path().replaceAll("\\{[^}]+}", value);
                Call call = new Call(endpoint.method(), gateway(path));
                if (endpoint.hasBody()) {
                    call.json(json.writeValueAsString(spec.validValue(endpoint.requestSchema(), "")));
                }
                call.apiKey(keyOf(allowedRole(endpoint)));
                Answer answer = send(attack, call);
                assertThat(answer.status()).as("%s as %s: %s", endpoint, path, answer.body()).isLessThan(500);
                assertNoLeak(endpoint, answer);
            }
        });
    }

    // --- who may do what (architecture.md, "Security and tenancy"), applied to each endpoint -------------

    /**
     * ADMIN alone manages keys, webhooks (and notification preferences) and replays. AUDITOR reads (history, as-of, verify) and writes nothing;
     * a screening is a computation, not a write. Case work is CASEWORKER's; INTAKE opens cases and records
     * facts (filings, requests, applications, entries, departures, notes, RFEs, corrections) but no decisions
     * (grants, denials, terminations, approvals, clock stops, admissions, assignment, closing, reopening). ADMIN
     * does no case work. An unknown kind of case resource counts as a decision: the safe default.
     */
    static Set<Role> refusedRoles(Endpoint endpoint) {
        String path = endpoint.path();
        if (path.startsWith("/auth/") || path.startsWith("/api/docs")) {
            return Set.of();
        }
        if (path.startsWith("/api/admin/") || path.startsWith("/api/webhooks") || path.startsWith("/api/notification-preferences")) {
            return EnumSet.of(Role.INTAKE, Role.CASEWORKER, Role.AUDITOR);
        }
        if (path.startsWith("/api/audit/replays")) {
            // ADMIN starts replays; following one's progress is reading, which auditors do too.
            return endpoint.isRead() ? EnumSet.of(Role.INTAKE, Role.CASEWORKER) : EnumSet.of(Role.INTAKE, Role.CASEWORKER, Role.AUDITOR);
        }
        // Marking a notification read changes only the reader's own feed, whatever the reader's role.
        if (endpoint.isRead() || path.startsWith("/api/eligibility/screenings") || path.endsWith("/read")) {
            return Set.of();
        }
        Set<Role> refused = EnumSet.of(Role.AUDITOR);
        if (path.startsWith("/api/cases") || path.startsWith("/api/deadlines")) {
            refused.add(Role.ADMIN);
            if (!intakeMayRecord(path)) {
                refused.add(Role.INTAKE);
            }
        }
        return refused;
    }

    private static boolean intakeMayRecord(String path) {
        String[] segments = path.split("/");
        String last = "";
        for (String segment : segments) {
            if (!segment.isEmpty() && !segment.startsWith("{")) {
                last = segment;
            }
        }
        return Set.of("cases", "client-corrections", "notes", "entries", "departures", "rfes", "answers").contains(last)
                || last.endsWith("-requests") || last.endsWith("-applications");
    }

    private static Role allowedRole(Endpoint endpoint) {
        return EnumSet.complementOf(EnumSet.copyOf(refusedRolesOrNone(endpoint))).stream()
                .filter(role -> role == Role.CASEWORKER || role == Role.ADMIN)
                .findFirst().orElse(Role.CASEWORKER);
    }

    private static Set<Role> refusedRolesOrNone(Endpoint endpoint) {
        Set<Role> refused = refusedRoles(endpoint);
        return refused.isEmpty() ? EnumSet.noneOf(Role.class) : refused;
    }

    // --- helpers -----------------------------------------------------------------------------------------

    private static List<Endpoint> protectedEndpoints() {
        return endpoints.stream().filter(e -> !e.isPublic()).toList();
    }

    /** Endpoints that address one case of the caller's organization by a path parameter. */
    private static List<Endpoint> caseResourceEndpoints() {
        return endpoints.stream().filter(e -> e.path().matches("/api/cases/\\{[^}]+}.*")).toList();
    }

    private Stream<DynamicTest> each(String attack, List<Endpoint> applicable, ThrowingCheck check) {
        return applicable.stream().map(endpoint -> DynamicTest.dynamicTest(attack + ": " + endpoint, () -> {
            count(attack);
            check.run(endpoint);
        }));
    }

    private static void count(String attack) {
        tried.computeIfAbsent(attack, a -> new AtomicInteger()).incrementAndGet();
    }

    interface ThrowingCheck {
        void run(Endpoint endpoint) throws Exception;
    }

    private static Answer send(String attack, Call call) {
        requestsPerAttack.computeIfAbsent(attack, a -> new AtomicInteger()).incrementAndGet();
        return http.send(call);
    }

    private static Call request(Endpoint endpoint, String caseId) {
        return request(endpoint, caseId, stack.gateway());
    }

    /** The endpoint with its path parameters filled (the case of org-a; anything else a random id) and a valid body. */
    private static Call request(Endpoint endpoint, String caseId, URI base) {
        String path = endpoint.path();
        boolean first = true;
        for (String parameter : endpoint.pathParameters()) {
            String value = first && path.startsWith("/api/cases/{") ? caseId : UUID.randomUUID().toString();
            path = path.replace("{" + parameter + "}", value);
            first = false;
        }
        List<String> query = new ArrayList<>();
        for (String parameter : endpoint.queryParameters()) {
            if (parameter.equals("caseId")) {
                query.add("caseId=" + caseId);
            }
        }
        URI uri = base.resolve(path + (query.isEmpty() ? "" : "?" + String.join("&", query)));
        Call call = new Call(endpoint.method(), uri).header("Accept", "application/json");
        if (endpoint.hasBody()) {
            call.json(json.writeValueAsString(spec.validValue(endpoint.requestSchema(), "")));
        }
        if (endpoint.path().startsWith("/auth/")) {
            call.header("X-Requested-With", "haven");
        }
        return call;
    }

    private static Call spoofed(Call call) {
        return call.header("X-Haven-Organization", "org-a")
                .header("X-Haven-Roles", "ADMIN")
                .header("X-Organization-Id", "org-a")
                .header("X-User", "admin-a")
                .header("X-Roles", "ADMIN,CASEWORKER")
                .header("X-Forwarded-User", "admin-a")
                .header("Authorization", "Bearer " + InternalTokens.valid("org-a", List.of("ADMIN", "CASEWORKER", "AUDITOR")));
    }

    private static void assertUnauthorizedProblem(Endpoint endpoint, Answer answer) {
        assertThat(answer.status()).as("%s: %s", endpoint, answer.body()).isEqualTo(401);
        assertThat(answer.contentType()).as("%s", endpoint).startsWith("application/problem+json");
        assertNoLeak(endpoint, answer);
    }

    private static void assertNoLeak(Endpoint endpoint, Answer answer) {
        assertThat(LEAK.matcher(answer.body()).find()).as("%s answered %d with internals: %s", endpoint, answer.status(),
                answer.body().length() > 2000 ? answer.body().substring(0, 2000) : answer.body()).isFalse();
    }

    /**
     * Sends the call together with a burst of other requests on the same key. The bucket refills one request per
     * 20 ms: on a busy machine the gap between draining it and a lone probe is often longer, and the probe then
     * rightly passes (CI failed once that way). Amid the burst, a refilled token rarely goes to the probe.
     */
    private static Answer sendAmidABurst(String key, String attack, Call probe) {
        try (var executor = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 8; i++) {
                executor.submit(() -> send(attack, new Call("GET", gateway("/auth/me")).apiKey(key).noRetryWhenLimited()));
            }
            return send(attack, probe);
        }
    }

    private static void drain(String key, String attack) {
        for (int i = 0; i < 1000; i++) {
            if (send(attack, new Call("GET", gateway("/auth/me")).apiKey(key).noRetryWhenLimited()).status() == 429) {
                return;
            }
        }
        throw new AssertionError("1000 requests and no 429");
    }

    private static String keyOf(Role role) {
        List<String> keys = keysOfOrgA.get(role);
        return keys.get(Math.floorMod(nextKey.get(role).getAndIncrement(), keys.size()));
    }

    private static String createKey(Role role) {
        Answer created = http.send(new Call("POST", gateway("/api/admin/api-keys")).apiKey(ADMIN_A)
                .json("{\"name\":\"security suite %s %s\",\"roles\":[\"%s\"]}".formatted(role, UUID.randomUUID(), role)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return json.readTree(created.body()).path("key").asString();
    }

    private static String openCase() {
        Endpoint open = endpoints.stream().filter(e -> e.method().equals("POST") && e.path().equals("/api/cases")).findFirst()
                .orElseThrow(() -> new AssertionError("POST /api/cases is not in the spec"));
        Answer created = http.send(request(open, "").apiKey(keyOf(Role.CASEWORKER)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return json.readTree(created.body()).path("id").asString();
    }

    private static URI gateway(String path) {
        return stack.gateway().resolve(path);
    }
}
