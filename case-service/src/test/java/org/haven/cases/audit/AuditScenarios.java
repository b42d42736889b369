package org.haven.cases.audit;

import org.haven.cases.Api;
import org.haven.cases.ReadSideIntegrationTest;
import org.haven.cases.domain.HashChain;
import org.haven.support.identity.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** History with its hash chain, the chain's verification against edited rows, and the as-of view. */
public abstract class AuditScenarios extends ReadSideIntegrationTest {

    private String caseWithHistory(Api api) {
        String id = openCase(api, "Olena", "Audited");
        record(api, id, "assignments", "{\"assignee\":\"maria.garcia\"}");
        record(api, id, "notes", "{\"text\":\"Client called about her parole\"}");
        record(api, id, "parole-requests", """
                {"filedOn":"2025-09-01","kind":"INITIAL","basis":"URGENT_HUMANITARIAN","urgency":"URGENT"}""");
        return id;
    }

    private JsonNode verify(Api api, String id) {
        Api.Response response = api.get("/api/audit/cases/" + id + "/verify");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    @Test
    public void historyShowsEveryEventLinkedToTheOneBeforeByItsHash() {
        Api api = api(newOrganization("history"), Role.CASEWORKER);
        String id = caseWithHistory(api);

        JsonNode history = api.get("/api/cases/" + id + "/history").json();

        assertThat(history.valueStream().map(entry -> entry.get("type").asString()))
                .containsExactly("CaseOpened", "CaseAssigned", "NoteAdded", "ParoleRequested");
        String previous = HashChain.GENESIS;
        for (int sequence = 0; sequence < history.size(); sequence++) {
            JsonNode entry = history.get(sequence);
            assertThat(entry.get("sequence").asLong()).isEqualTo(sequence);
            assertThat(entry.get("previousHash").asString()).isEqualTo(previous);
            assertThat(entry.get("hash").asString()).matches("[0-9a-f]{64}").isNotEqualTo(previous);
            assertThat(entry.get("actor").asString()).startsWith("user:test-");
            assertThat(entry.get("occurredAt").asString()).isNotBlank();
            previous = entry.get("hash").asString();
        }
        assertThat(history.get(1).get("payload").get("assignee").asString()).isEqualTo("maria.garcia");
    }

    @Test
    public void anUntouchedHistoryVerifies() {
        String organization = newOrganization("verify");
        String id = caseWithHistory(api(organization, Role.CASEWORKER));

        assertThat(verify(api(organization, Role.AUDITOR), id).toString())
                .isEqualTo("{\"valid\":true,\"events\":4,\"firstBrokenSequence\":null}");
    }

    @Test
    public void aPayloadEditedBehindHavensBackIsReportedAtItsSequence() {
        String organization = newOrganization("tamper");
        Api api = api(organization, Role.CASEWORKER);
        String id = caseWithHistory(api);
        byte[] original = payload(id, 2);
        try {
            jdbc.update("""
                    update domain_event_entry set payload = convert_to(replace(convert_from(payload, 'UTF8'), 'her parole', 'nothing'), 'UTF8')
                    where aggregate_identifier = ? and sequence_number = 2""", id);

            JsonNode verification = verify(api(organization, Role.AUDITOR), id);

            assertThat(verification.get("valid").asBoolean()).isFalse();
            assertThat(verification.get("events").asLong()).isEqualTo(4);
            assertThat(verification.get("firstBrokenSequence").asLong()).isEqualTo(2);
        } finally {
            restore(id, 2, original);
        }
        assertThat(verify(api, id).get("valid").asBoolean()).isTrue();
    }

    @Test
    public void aPayloadThatNoLongerReadsIsReportedAtItsSequenceAndTheHistoryStillAnswers() {
        String organization = newOrganization("unreadable");
        Api api = api(organization, Role.CASEWORKER);
        String id = caseWithHistory(api);
        byte[] original = payload(id, 1);
        try {
            jdbc.update("update domain_event_entry set payload = convert_to('{\"caseId\": 12', 'UTF8') where aggregate_identifier = ? and sequence_number = 1", id);

            JsonNode verification = verify(api(organization, Role.ADMIN), id);
            Api.Response history = api.get("/api/cases/" + id + "/history");

            assertThat(verification.get("firstBrokenSequence").asLong()).isEqualTo(1);
            assertThat(history.status()).isEqualTo(200);
            assertThat(history.json().get(1).get("payload").isNull()).isTrue();
            assertThat(history.json().get(1).get("hash").asString()).matches("[0-9a-f]{64}");
        } finally {
            restore(id, 1, original);
        }
    }

    @Test
    public void aLongHistoryIsReadFromItsFirstEventNotFromTheSnapshot() {
        Api api = api(newOrganization("long"), Role.CASEWORKER);
        String id = openCase(api, "Olena", "Long");
        for (int i = 0; i < 55; i++) {
            record(api, id, "notes", "{\"text\":\"note " + i + "\"}");
        }
        assertThat(jdbc.queryForObject("select count(*) from snapshot_event_entry where aggregate_identifier = ?", Long.class, id))
                .isPositive();

        JsonNode history = api.get("/api/cases/" + id + "/history").json();

        assertThat(history.size()).isEqualTo(56);
        assertThat(history.get(0).get("type").asString()).isEqualTo("CaseOpened");
        assertThat(verify(api, id).toString()).isEqualTo("{\"valid\":true,\"events\":56,\"firstBrokenSequence\":null}");
    }

    @Test
    public void asOfShowsTheCaseAsItWasBeforeAndAfterAChange() {
        Api api = api(newOrganization("asof"), Role.CASEWORKER);
        String id = openCase(api, "Olena", "AsOf");
        record(api, id, "assignments", "{\"assignee\":\"maria.garcia\"}");
        JsonNode history = api.get("/api/cases/" + id + "/history").json();
        Instant opened = Instant.parse(history.get(0).get("occurredAt").asString());
        Instant assigned = Instant.parse(history.get(1).get("occurredAt").asString());

        JsonNode before = api.get("/api/cases/" + id + "?asOf=" + assigned.minusNanos(1000)).json();
        JsonNode after = api.get("/api/cases/" + id + "?asOf=" + assigned).json();
        Api.Response beforeItExisted = api.get("/api/cases/" + id + "?asOf=" + opened.minusSeconds(1));

        assertThat(before.get("version").asLong()).isZero();
        assertThat(before.get("assignee").isNull()).isTrue();
        assertThat(after.get("version").asLong()).isEqualTo(1);
        assertThat(after.get("assignee").asString()).isEqualTo("maria.garcia");
        assertThat(beforeItExisted.status()).isEqualTo(404);
        assertThat(beforeItExisted.contentType()).startsWith("application/problem+json");
    }

    @Test
    public void asOfNowIsTheProjectionsViewOfTheCase() {
        String organization = newOrganization("asof-now");
        Api api = api(organization, Role.AUDITOR);
        Api caseworker = api(organization, Role.CASEWORKER);
        String id = caseWithHistory(caseworker);
        record(caseworker, id, "parole-grants", "{\"grantedOn\":\"2025-10-01\",\"validUntil\":\"2027-09-30\",\"receiptNumber\":\"IOE0912345678\"}");

        JsonNode rebuilt = api.get("/api/cases/" + id + "?asOf=" + Instant.now().plusSeconds(1)).json();

        assertThat(rebuilt).isEqualTo(api.get("/api/cases/" + id).json());
        assertThat(rebuilt.get("receiptNumbers").get(0).asString()).isEqualTo("IOE0912345678");
    }

    @Test
    public void aMalformedAsOfIsRefusedNamingIt() {
        String organization = newOrganization("asof-bad");
        Api api = api(organization, Role.AUDITOR);
        String id = openCase(api(organization, Role.INTAKE), "Olena", "Malformed");

        assertBadRequestNaming(api.get("/api/cases/" + id + "?asOf=yesterday"), "asOf");
        assertBadRequestNaming(api.get("/api/cases/" + id + "?asOf=2026-02-30T00:00:00Z"), "asOf");
        assertBadRequestNaming(api.get("/api/cases/" + id + "?asOf=2026-01-05"), "asOf");
        assertBadRequestNaming(api.get("/api/audit/cases/not-a-uuid/verify"), "caseId");
    }

    @Test
    public void everyReadOfAnotherOrganizationsCaseIsNotFound() {
        String id = caseWithHistory(api(newOrganization("owner"), Role.CASEWORKER));
        Api other = api(newOrganization("other"), Role.CASEWORKER, Role.AUDITOR, Role.ADMIN);

        for (String path : List.of("/api/cases/" + id, "/api/cases/" + id + "?asOf=" + Instant.now(),
                "/api/cases/" + id + "/history", "/api/cases/" + id + "/deadlines", "/api/audit/cases/" + id + "/verify")) {
            Api.Response response = other.get(path);
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.contentType()).as(path).startsWith("application/problem+json");
        }
    }

    @Test
    public void intakeReadsTheHistoryButNeitherVerifiesNorReadsAsOf() {
        Api intake = api(newOrganization("intake"), Role.INTAKE);
        String id = openCase(intake, "Olena", "Intake");

        assertThat(intake.get("/api/cases/" + id + "/history").status()).isEqualTo(200);
        assertThat(intake.get("/api/audit/cases/" + id + "/verify").status()).isEqualTo(403);
        assertThat(intake.get("/api/cases/" + id + "?asOf=" + Instant.now()).status()).isEqualTo(403);
    }

    private byte[] payload(String id, long sequence) {
        return jdbc.queryForObject("select payload from domain_event_entry where aggregate_identifier = ? and sequence_number = ?",
                byte[].class, id, sequence);
    }

    private void restore(String id, long sequence, byte[] payload) {
        jdbc.update("update domain_event_entry set payload = ? where aggregate_identifier = ? and sequence_number = ?", payload, id, sequence);
    }
}
