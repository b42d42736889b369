package org.haven.eligibility;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.haven.events.CaseEventEnvelope;
import org.haven.events.CaseEventPayload.CaseOpened;
import org.haven.infra.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Case events from a real Kafka broker recorded as facts in a real PostgreSQL. */
class CaseFactsIntegrationTest extends ServiceTestSupport {

    private static final String GROUP = "eligibility-service";

    private static CaseEventsTopic topic;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void producer() {
        topic = new CaseEventsTopic(TestInfrastructure.shared().bootstrapServers());
    }

    /**
     * Only now, with the service already consuming: case-service creates the topic at its start-up, which may
     * come after this service's, and the consumer has to pick the topic up when it appears.
     */
    @BeforeEach
    void caseServiceCreatesTheTopic() {
        CaseEventsTopic.create(TestInfrastructure.shared().bootstrapServers());
    }

    @AfterAll
    static void closeProducer() {
        topic.close();
    }

    @Test
    void caseEventPublishedTwiceIsRecordedAsExactlyOneFact() {
        CaseEventEnvelope<CaseOpened> opened = new CaseEventEnvelope<>(UUID.randomUUID(), "CaseOpened",
                UUID.randomUUID(), "org-a", 0, Instant.parse("2026-11-28T10:00:00Z"),
                new CaseOpened(LocalDate.parse("1990-05-01"), "UA", "es", LocalDate.parse("2025-01-04"), false, null));

        topic.publish(opened);
        RecordMetadata redelivery = topic.publish(opened);
        topic.awaitConsumed(GROUP, redelivery);

        assertThat(jdbc.sql("""
                        select case_id, organization_id, event_type, sequence, payload ->> 'dateOfBirth' as date_of_birth
                          from case_fact where case_id = ?""")
                .param(opened.caseId())
                .query((rs, row) -> String.join("|", rs.getString("case_id"), rs.getString("organization_id"),
                        rs.getString("event_type"), rs.getString("sequence"), rs.getString("date_of_birth")))
                .list())
                .containsExactly(opened.caseId() + "|org-a|CaseOpened|0|1990-05-01");
    }

    @Test
    void eventOfATypeThisBuildDoesNotKnowIsClaimedButRecordsNoFact() {
        UUID eventId = UUID.randomUUID();
        UUID caseId = UUID.randomUUID();
        String future = """
                {"eventId":"%s","type":"SomethingNewRecorded","caseId":"%s","organizationId":"org-a",
                 "sequence":1,"occurredAt":"2026-11-28T10:00:00Z","payload":{"code":"X"}}"""
                .formatted(eventId, caseId);

        topic.awaitConsumed(GROUP, topic.publishRaw(caseId.toString(), future));

        assertThat(jdbc.sql("select count(*) from case_fact where case_id = ?").param(caseId).query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from processed_event where event_id = ?").param(eventId).query(Long.class).single())
                .isOne();
    }

    @Test
    void aMessageThatCannotBeReadIsSkippedAndTheEventsAroundItAreRecorded() {
        UUID caseId = UUID.randomUUID();   // one key, so all three land in one partition, likely in one poll
        CaseEventEnvelope<CaseOpened> opened = new CaseEventEnvelope<>(UUID.randomUUID(), "CaseOpened", caseId, "org-a", 0,
                Instant.parse("2026-11-28T10:00:00Z"),
                new CaseOpened(LocalDate.parse("1990-05-01"), "UA", "es", LocalDate.parse("2025-01-04"), false, null));
        CaseEventEnvelope<CaseOpened> corrected = new CaseEventEnvelope<>(UUID.randomUUID(), "CaseOpened", caseId, "org-a", 1,
                Instant.parse("2026-11-28T10:01:00Z"),
                new CaseOpened(LocalDate.parse("1990-05-02"), "UA", "es", LocalDate.parse("2025-01-04"), false, null));

        topic.publish(opened);
        topic.publishRaw(caseId.toString(), "{not json");
        topic.awaitConsumed(GROUP, topic.publish(corrected));

        assertThat(jdbc.sql("select sequence from case_fact where case_id = ? order by sequence").param(caseId)
                .query(Long.class).list()).containsExactly(0L, 1L);
    }
}
