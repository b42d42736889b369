package org.haven.cases.write;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.haven.cases.Api;
import org.haven.cases.RealInfrastructure;
import org.haven.support.identity.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The write path on real PostgreSQL: versions, races, retries, refusals and bad input on every resource. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseWritesIntegrationTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    org.axonframework.config.Configuration axon;
    @Autowired
    Cache caseCache;

    private Api caseworker() {
        return Api.at(port, "org-a", Role.CASEWORKER);
    }

    private String openCase() {
        return caseworker().post("/api/cases", Api.openCaseBody("Writes")).json().get("id").asString();
    }

    private int historySize(String id) {
        return caseworker().get("/api/cases/" + id + "/history").json().size();
    }

    private static final String NOTE = "{\"text\":\"Called the client\"}";

    /** A command's events, and a tracking processor's rows and token, commit together, not statement by statement. */
    @Test
    void axonsUnitsOfWorkRunInSpringsTransactions() {
        TransactionManager transactions = axon.getComponent(TransactionManager.class);

        assertThat(transactions).isInstanceOf(SpringTransactionManager.class);
        transactions.executeInTransaction(() -> assertThat(TransactionSynchronizationManager.isActualTransactionActive()).isTrue());
    }

    /** A weakly held cache lost its cases at every collection, and each command read them back from the event store. */
    @Test
    void writtenCasesStayInMemoryThroughAGarbageCollection() {
        String id = openCase();
        caseworker().post("/api/cases/" + id + "/notes", NOTE);

        System.gc();

        assertThat(caseCache.containsKey(id)).isTrue();
    }

    @Test
    void aWriteWithTheCurrentVersionSucceedsAndAnswersTheNextVersion() {
        String id = openCase();

        Api.Response response = caseworker().post("/api/cases/" + id + "/notes", NOTE, Map.of("If-Match", "\"0\""));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("version").asLong()).isEqualTo(1);
        assertThat(response.etag()).isEqualTo("\"1\"");
        assertThat(caseworker().get("/api/cases/" + id).json().get("version").asLong()).as("read your writes").isEqualTo(1);
    }

    @Test
    void aStaleVersionIsPreconditionFailedAndWritesNothing() {
        String id = openCase();
        caseworker().post("/api/cases/" + id + "/notes", NOTE);

        Api.Response response = caseworker().post("/api/cases/" + id + "/notes", NOTE, Map.of("If-Match", "\"0\""));

        assertThat(response.status()).isEqualTo(412);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(historySize(id)).isEqualTo(2);
    }

    @Test
    void aVersionTheCaseNeverReachedIsPreconditionFailedAfterTheRetriesAndWritesNothing() {
        String id = openCase();

        // ahead of the cached copy: retried on the case as stored (ConflictRetries), which is not there either
        Api.Response response = caseworker().post("/api/cases/" + id + "/notes", NOTE, Map.of("If-Match", "\"7\""));

        assertThat(response.status()).isEqualTo(412);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(historySize(id)).isEqualTo(1);
    }

    @Test
    void racingWritesOnOneCaseAreAllRecorded() throws Exception {
        String id = openCase();
        int writers = 12;
        List<Callable<Integer>> writes = IntStream.range(0, writers)
                .<Callable<Integer>>mapToObj(i -> () -> caseworker().post("/api/cases/" + id + "/notes", NOTE).status()).toList();

        List<Integer> statuses;
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            statuses = executor.invokeAll(writes).stream().map(CaseWritesIntegrationTest::join).toList();
        }

        assertThat(statuses).allSatisfy(status -> assertThat(status).isIn(200, 409));
        long accepted = statuses.stream().filter(status -> status == 200).count();
        assertThat(historySize(id)).isEqualTo(1 + accepted);
        assertThat(accepted).isEqualTo(writers);
    }

    @Test
    void aRetriedRequestWithTheSameIdempotencyKeyGetsTheFirstAnswerWithoutASecondEvent() {
        String id = openCase();
        Map<String, String> key = Map.of("Idempotency-Key", "note-" + id);

        Api.Response first = caseworker().post("/api/cases/" + id + "/notes", NOTE, key);
        Api.Response retry = caseworker().post("/api/cases/" + id + "/notes", NOTE, key);

        assertThat(retry.status()).isEqualTo(first.status()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(historySize(id)).isEqualTo(2);
    }

    @Test
    void aRetriedCaseOpeningWithTheSameIdempotencyKeyOpensOneCase() {
        Map<String, String> key = Map.of("Idempotency-Key", "open-" + System.nanoTime());

        Api.Response first = caseworker().post("/api/cases", Api.openCaseBody("Once"), key);
        Api.Response retry = caseworker().post("/api/cases", Api.openCaseBody("Once"), key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
    }

    @Test
    void theSameIdempotencyKeyOnADifferentRequestIsRefused() {
        String id = openCase();
        Map<String, String> key = Map.of("Idempotency-Key", "reuse-" + id);
        caseworker().post("/api/cases/" + id + "/notes", NOTE, key);

        Api.Response other = caseworker().post("/api/cases/" + id + "/notes", "{\"text\":\"Something else\"}", key);

        assertThat(other.status()).isEqualTo(422);
        assertThat(historySize(id)).isEqualTo(2);
    }

    @Test
    void aBrokenInvariantIsAConflictWithItsReason() {
        String id = openCase();

        Api.Response response = caseworker().post("/api/cases/" + id + "/parole-grants", """
                {"grantedOn":"2025-11-01","validUntil":"2026-10-31"}""");

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("detail").asString()).contains("parole request");
        assertThat(historySize(id)).isEqualTo(1);
    }

    @Test
    void anAuditorWritesNothing() {
        String id = openCase();

        Api.Response response = Api.at(port, "org-a", Role.AUDITOR).post("/api/cases/" + id + "/notes", NOTE);

        assertThat(response.status()).isEqualTo(403);
        assertThat(historySize(id)).isEqualTo(1);
    }

    @Test
    void intakeRecordsFactsButDoesNotDecide() {
        String id = openCase();
        Api intake = Api.at(port, "org-a", Role.INTAKE);

        assertThat(intake.post("/api/cases/" + id + "/entries", "{\"date\":\"2025-01-04\",\"manner\":\"PAROLED\"}").status()).isEqualTo(200);
        assertThat(intake.post("/api/cases/" + id + "/closures", "{\"reason\":\"done\"}").status()).isEqualTo(403);
    }

    @Test
    void anotherOrganizationCannotWriteToTheCase() {
        String id = openCase();

        Api.Response response = Api.at(port, "org-b", Role.CASEWORKER).post("/api/cases/" + id + "/notes", NOTE);

        assertThat(response.status()).isEqualTo(404);
        assertThat(historySize(id)).isEqualTo(1);
    }

    @Test
    void aWriteToAnUnknownCaseIsNotFound() {
        assertThat(caseworker().post("/api/cases/0b9c8c3e-0000-4000-8000-000000000001/notes", NOTE).status()).isEqualTo(404);
    }

    /** Every fact resource: a valid body, a date field to break, and an enum field to break where it has one. */
    static Stream<Arguments> resources() {
        return Stream.of(
                Arguments.of("entries", "{\"date\":\"2025-01-04\",\"manner\":\"PAROLED\"}", "date", "manner"),
                Arguments.of("departures", "{\"date\":\"2025-03-01\",\"advanceParole\":true}", "date", null),
                Arguments.of("parole-requests", "{\"filedOn\":\"2025-09-01\",\"kind\":\"INITIAL\",\"basis\":\"URGENT_HUMANITARIAN\",\"urgency\":\"URGENT\"}", "filedOn", "kind"),
                Arguments.of("parole-grants", "{\"grantedOn\":\"2025-11-01\",\"validUntil\":\"2026-10-31\"}", "validUntil", null),
                Arguments.of("parole-denials", "{\"date\":\"2025-11-01\"}", "date", null),
                Arguments.of("parole-terminations", "{\"date\":\"2025-11-01\"}", "date", null),
                Arguments.of("ead-applications", "{\"category\":\"c8\",\"filedOn\":\"2026-02-01\",\"renewal\":false}", "filedOn", "category"),
                Arguments.of("ead-approvals", "{\"validFrom\":\"2026-02-01\",\"validUntil\":\"2027-02-01\"}", "validFrom", null),
                Arguments.of("ead-denials", "{\"date\":\"2026-02-01\"}", "date", null),
                Arguments.of("asylum-applications", "{\"filedOn\":\"2026-01-10\"}", "filedOn", null),
                Arguments.of("asylum-clock-stops", "{\"date\":\"2026-02-01\",\"reason\":\"APPLICANT_RESCHEDULED\"}", "date", "reason"),
                Arguments.of("asylum-clock-resumptions", "{\"date\":\"2026-02-15\"}", "date", null),
                Arguments.of("asylum-grants", "{\"date\":\"2026-06-01\"}", "date", null),
                Arguments.of("asylum-denials", "{\"date\":\"2026-06-01\"}", "date", null),
                Arguments.of("refugee-admissions", "{\"date\":\"2025-06-01\"}", "date", null),
                Arguments.of("tps-applications", "{\"country\":\"SV\",\"filedOn\":\"2025-06-01\"}", "filedOn", null),
                Arguments.of("tps-grants", "{\"date\":\"2025-09-01\",\"validUntil\":\"2026-09-09\"}", "date", null),
                Arguments.of("adjustment-applications", "{\"filedOn\":\"2026-06-01\",\"basis\":\"REFUGEE\"}", "filedOn", "basis"),
                Arguments.of("rfes", "{\"filing\":\"ASYLUM\",\"receivedOn\":\"2026-02-01\",\"respondBy\":\"2026-04-01\"}", "receivedOn", "filing"),
                Arguments.of("assignments", "{\"assignee\":\"user:caseworker-a\"}", null, null),
                Arguments.of("notes", NOTE, null, null),
                Arguments.of("closures", "{\"reason\":\"Moved away\"}", null, null),
                Arguments.of("reopenings", "{\"reason\":\"Came back\"}", null, null),
                Arguments.of("client-corrections", "{\"client\":{\"givenName\":\"A\",\"familyName\":\"B\",\"dateOfBirth\":\"1990-05-01\",\"countryOfNationality\":\"UA\",\"preferredLanguage\":\"es\"}}", null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resources")
    void badInputIsABadRequestNamingTheFieldAndWritesNothing(String resource, String valid, String dateField, String enumField) {
        String id = openCase();
        String path = "/api/cases/" + id + "/" + resource;

        expectBadRequest(caseworker().post(path, "{\"oops\": "), null);
        expectBadRequest(caseworker().post(path, "[]"), null);
        Api.Response missing = caseworker().post(path, "{}");
        expectBadRequest(missing, null);
        assertThat(missing.json().get("errors").size()).as(missing.body()).isPositive();
        expectBadRequest(caseworker().post(path, valid.replaceFirst("\\{", "{\"unexpected\":1,")), "unexpected");
        if (dateField != null) {
            expectBadRequest(caseworker().post(path, valid.replaceFirst("(\"" + dateField + "\":)\"[^\"]*\"", "$1\"2026-02-30\"")), dateField);
            expectBadRequest(caseworker().post(path, valid.replaceFirst("(\"" + dateField + "\":)\"[^\"]*\"", "$112")), dateField);
        }
        if (enumField != null) {
            expectBadRequest(caseworker().post(path, valid.replaceFirst("(\"" + enumField + "\":)\"[^\"]*\"", "$1\"NOT_A_VALUE\"")), enumField);
        }
        assertThat(historySize(id)).as("nothing written").isEqualTo(1);
    }

    private static void expectBadRequest(Api.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("org.haven");
        if (field != null) {
            assertThat(response.json().get("errors").valueStream().map(error -> error.get("field").asString()))
                    .as(response.body()).contains(field);
        }
    }

    private static Integer join(Future<Integer> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
