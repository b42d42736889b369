package org.haven.cases;

import org.haven.support.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseApiIntegrationTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private Api caseworkerA() {
        return Api.at(port, "org-a", Role.CASEWORKER);
    }

    @Test
    void openedCaseIsReadableAtOnceWithItsVersion() {
        Api.Response created = caseworkerA().post("/api/cases", Api.openCaseBody("Olena"));

        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.json().get("version").asLong()).isZero();
        assertThat(created.etag()).isEqualTo("\"0\"");

        Api.Response read = caseworkerA().get("/api/cases/" + id);
        assertThat(read.status()).isEqualTo(200);
        JsonNode body = read.json();
        assertThat(body.get("client").get("givenName").asString()).isEqualTo("Olena");
        assertThat(body.get("status").asString()).isEqualTo("OPEN");
        assertThat(body.get("caseNumber").asString()).matches("HVN-\\d{4}-\\d{6}");
        assertThat(body.get("lastArrivalDate").asString()).isEqualTo("2025-01-04");
    }

    @Test
    void historyListsCaseOpenedWithItsActor() {
        String id = caseworkerA().post("/api/cases", Api.openCaseBody("Mariia")).json().get("id").asString();

        Api.Response history = caseworkerA().get("/api/cases/" + id + "/history");

        assertThat(history.status()).isEqualTo(200);
        JsonNode first = history.json().get(0);
        assertThat(history.json().size()).isEqualTo(1);
        assertThat(first.get("sequence").asLong()).isZero();
        assertThat(first.get("type").asString()).isEqualTo("CaseOpened");
        assertThat(first.get("actor").asString()).isEqualTo("user:test-org-a");
        assertThat(first.get("payload").get("client").get("givenName").asString()).isEqualTo("Mariia");
    }

    @Test
    void anotherOrganizationsCaseIsNotFound() {
        String id = caseworkerA().post("/api/cases", Api.openCaseBody("Iryna")).json().get("id").asString();
        Api orgB = Api.at(port, "org-b", Role.CASEWORKER);

        assertThat(orgB.get("/api/cases/" + id).status()).isEqualTo(404);
        assertThat(orgB.get("/api/cases/" + id + "/history").status()).isEqualTo(404);
    }

    @Test
    void unknownCaseIsNotFoundAsProblemJson() {
        Api.Response response = caseworkerA().get("/api/cases/3f1c2d4e-0000-4000-8000-000000000000");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(404);
    }

    @Test
    void requestWithoutIdentityTokenIsUnauthorized() {
        assertThat(caseworkerA().getWithoutToken("/api/cases/3f1c2d4e-0000-4000-8000-000000000000").status()).isEqualTo(401);
    }

    @Test
    void auditorCannotOpenACase() {
        Api.Response response = Api.at(port, "org-a", Role.AUDITOR).post("/api/cases", Api.openCaseBody("Nope"));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void impossibleDateIsRejectedNamingTheFieldAndWritesNothing() {
        long before = eventCount();

        Api.Response response = caseworkerA().post("/api/cases", """
                {"client":{"givenName":"A","familyName":"B","dateOfBirth":"2026-02-30","countryOfNationality":"UA","preferredLanguage":"en"}}""");

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("errors")).as(response.body()).isNotNull();
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("client.dateOfBirth");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void missingFieldsAreEachNamed() {
        Api.Response response = caseworkerA().post("/api/cases", """
                {"client":{"givenName":"A","dateOfBirth":"1990-01-01","countryOfNationality":"Ukraine","preferredLanguage":"fr"}}""");

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("errors")).as(response.body()).isNotNull();
        assertThat(response.json().get("errors").valueStream().map(error -> error.get("field").asString()))
                .containsExactlyInAnyOrder("client.familyName", "client.countryOfNationality", "client.preferredLanguage");
    }

    @Test
    void malformedJsonIsABadRequest() {
        Api.Response response = caseworkerA().post("/api/cases", "{\"client\": ");

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("errors")).as(response.body()).isNotNull();
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void wrongTypeIsNamed() {
        Api.Response response = caseworkerA().post("/api/cases", """
                {"client":{"givenName":"A","familyName":"B","dateOfBirth":"1990-01-01","countryOfNationality":"UA","preferredLanguage":"en"},
                 "unaccompaniedMinor":"perhaps"}""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("unaccompaniedMinor");
    }

    @Test
    void eventPayloadsAreStoredAsByteaNotLargeObjects() {
        assertThat(jdbc.queryForObject("""
                select data_type from information_schema.columns
                where table_name = 'domain_event_entry' and column_name = 'payload'""", String.class))
                .isEqualTo("bytea");
    }

    private long eventCount() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }
}
