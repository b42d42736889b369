package org.haven.cases.read.replay;

import org.haven.cases.Api;
import org.haven.cases.ReadSideIntegrationTest;
import org.haven.events.Assessment;
import org.haven.events.vocabulary.DeadlineType;
import org.haven.support.identity.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /api/audit/replays}: the rebuilt projection equals the live one, and live writes go on meanwhile. */
public abstract class ReplayScenarios extends ReadSideIntegrationTest {

    private List<String> rows(String table, String organization) {
        return jdbc.queryForList("select row_to_json(t)::text from " + table + " t where organization_id = ? order by 1",
                String.class, organization);
    }

    private List<String> indexNames(String table) {
        return jdbc.queryForList("select indexname from pg_indexes where tablename = ? order by 1", String.class, table);
    }

    private JsonNode awaitFinished(Api admin, String jobId) {
        JsonNode[] job = new JsonNode[1];
        await(() -> {
            job[0] = admin.get("/api/audit/replays/" + jobId).json();
            String status = job[0].get("status").asString();
            return status.equals("COMPLETED") || status.equals("FAILED");
        }, "the replay to finish");
        return job[0];
    }

    @Test
    public void theRebuiltProjectionEqualsTheLiveOneWhileLiveWritesGoOn() throws Exception {
        String organization = newOrganization("replay");
        Api caseworker = api(organization, Role.CASEWORKER);
        Api admin = api(organization, Role.ADMIN);
        for (int i = 0; i < 3; i++) {
            String id = openCase(caseworker, "Client" + i, "Replayed");
            record(caseworker, id, "parole-requests", """
                    {"filedOn":"2025-09-01","kind":"INITIAL","basis":"URGENT_HUMANITARIAN","urgency":"URGENT","receiptNumber":"IOE091234567%d"}"""
                    .formatted(i));
            record(caseworker, id, "assignments", "{\"assignee\":\"maria.garcia\"}");
            assess(organization, id, new Assessment.Deadline(DeadlineType.PAROLE_EXPIRY, today().plusDays(300 + i), "PAROLE-EXPIRY",
                    "INA 212(d)(5)", List.of()));
        }
        List<String> summaryBefore = rows("case_summary", organization);
        List<String> deadlinesBefore = rows("case_deadline", organization);
        List<String> summaryIndexes = indexNames("case_summary");
        List<String> deadlineIndexes = indexNames("case_deadline");

        String busyOrganization = newOrganization("replay-busy");
        Api busy = api(busyOrganization, Role.CASEWORKER);
        String busyCase = openCase(busy, "Busy", "Writer");
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicLong lastVersion = new AtomicLong();
        Thread writer = Thread.ofVirtual().start(() -> {
            while (writing.get()) {
                lastVersion.set(record(busy, busyCase, "notes", "{\"text\":\"written during the replay\"}"));
            }
        });

        Api.Response started = admin.post("/api/audit/replays", "{\"projection\":\"case-summary\"}");
        JsonNode job;
        try {
            assertThat(started.status()).as(started.body()).isEqualTo(202);
            assertThat(started.json().get("projection").asString()).isEqualTo("case-summary");
            assertThat(started.json().get("status").asString()).isEqualTo("RUNNING");
            job = awaitFinished(admin, started.json().get("id").asString());
        } finally {
            writing.set(false);
            writer.join();
        }

        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("COMPLETED");
        assertThat(job.get("eventsProcessed").asLong()).isGreaterThanOrEqualTo(12);
        assertThat(job.get("eventsPerSecond").asDouble()).isPositive();
        assertThat(job.get("startedAt").asString()).isNotBlank();
        assertThat(job.get("pauseMillis").asLong()).isNotNegative();
        assertThat(rows("case_summary", organization)).isEqualTo(summaryBefore);
        assertThat(rows("case_deadline", organization)).isEqualTo(deadlinesBefore);
        assertThat(indexNames("case_summary")).isEqualTo(summaryIndexes);
        assertThat(indexNames("case_deadline")).isEqualTo(deadlineIndexes);
        assertThat(jdbc.queryForObject("select count(*) from pg_tables where tablename like 'case_%_rebuild'", Long.class)).isZero();

        JsonNode busyView = busy.get("/api/cases/" + busyCase).json();
        assertThat(lastVersion.get()).isPositive();
        assertThat(busyView.get("version").asLong()).isEqualTo(lastVersion.get());
        assertThat(busyView).isEqualTo(api(busyOrganization, Role.AUDITOR).get("/api/cases/" + busyCase + "?asOf=" + Instant.now().plusSeconds(1)).json());

        String afterwards = openCase(caseworker, "After", "Replay");
        assertThat(caseworker.get("/api/cases/" + afterwards).status()).isEqualTo(200);
    }

    @Test
    public void onlyAnAdminStartsAReplayAndOnlyOfAKnownProjection() {
        String organization = newOrganization("replay-roles");

        assertThat(api(organization, Role.AUDITOR, Role.CASEWORKER).post("/api/audit/replays", "{\"projection\":\"case-summary\"}").status())
                .isEqualTo(403);
        assertBadRequestNaming(api(organization, Role.ADMIN).post("/api/audit/replays", "{\"projection\":\"everything\"}"), "projection");
        assertBadRequestNaming(api(organization, Role.ADMIN).post("/api/audit/replays", "{}"), "projection");
        assertBadRequestNaming(api(organization, Role.ADMIN).post("/api/audit/replays", "{\"projection\":\"case-summary\",\"fast\":true}"), "fast");
        Api.Response malformed = api(organization, Role.ADMIN).post("/api/audit/replays", "{\"projection\":");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
    }

    @Test
    public void anotherOrganizationsReplayIsNotFound() {
        String organization = newOrganization("replay-owner");
        Api.Response started = api(organization, Role.ADMIN).post("/api/audit/replays", "{\"projection\":\"case-summary\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String jobId = started.json().get("id").asString();

        Api.Response other = api(newOrganization("replay-other"), Role.ADMIN).get("/api/audit/replays/" + jobId);

        assertThat(other.status()).isEqualTo(404);
        assertThat(api(organization, Role.AUDITOR).get("/api/audit/replays/" + jobId).status()).isEqualTo(200);
        assertThat(awaitFinished(api(organization, Role.ADMIN), jobId).get("status").asString()).isEqualTo("COMPLETED");
    }
}
