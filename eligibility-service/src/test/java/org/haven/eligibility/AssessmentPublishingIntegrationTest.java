package org.haven.eligibility;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.haven.eligibility.facts.CaseFacts;
import org.haven.events.Assessment;
import org.haven.events.CaseEventEnvelope;
import org.haven.events.CaseEventPayload;
import org.haven.events.CaseEventPayload.CaseOpened;
import org.haven.events.CaseEventPayload.EligibilityAssessed;
import org.haven.events.CaseEventPayload.NoteAdded;
import org.haven.events.CaseEventPayload.ParoleExpiring;
import org.haven.events.CaseEventPayload.ParoleGranted;
import org.haven.events.EventHeaders;
import org.haven.events.Topics;
import org.haven.events.vocabulary.DeadlineType;
import org.haven.events.vocabulary.EligibilityResult;
import org.haven.events.vocabulary.Pathway;
import org.haven.infra.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** From a case event on real Kafka, through real PostgreSQL, to the EligibilityAssessed on the eligibility topic. */
class AssessmentPublishingIntegrationTest extends ServiceTestSupport {

    private static final String GROUP = "eligibility-service";
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static CaseEventsTopic caseEvents;
    private static EligibilityEventsTopic eligibilityEvents;

    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    CaseFacts caseFacts;
    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @BeforeAll
    static void topics() {
        caseEvents = new CaseEventsTopic(TestInfrastructure.shared().bootstrapServers());
    }

    @BeforeEach
    void caseServiceCreatesTheTopic() {
        CaseEventsTopic.create(TestInfrastructure.shared().bootstrapServers());
        if (eligibilityEvents == null) {
            eligibilityEvents = new EligibilityEventsTopic(TestInfrastructure.shared().bootstrapServers());
        }
    }

    @AfterAll
    static void close() {
        caseEvents.close();
        if (eligibilityEvents != null) {
            eligibilityEvents.close();
        }
    }

    private static <P extends CaseEventPayload> CaseEventEnvelope<P> event(UUID caseId, long sequence, P payload) {
        return new CaseEventEnvelope<>(UUID.randomUUID(), payload.type(), caseId, "org-a", sequence,
                Instant.parse("2026-11-28T10:00:00Z"), payload);
    }

    private static CaseOpened opened(String lastArrival) {
        return new CaseOpened(LocalDate.parse("1990-05-01"), "UA", "es", LocalDate.parse(lastArrival), false, null);
    }

    private CaseEventEnvelope<EligibilityAssessed> read(ConsumerRecord<String, String> record) {
        JavaType type = json.getTypeFactory().constructParametricType(CaseEventEnvelope.class, EligibilityAssessed.class);
        return json.readValue(record.value(), type);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private long outboxRowsOf(UUID caseId) {
        return jdbc.sql("select count(*) from eligibility_outbox where case_id = ?").param(caseId).query(Long.class).single();
    }

    @Test
    void aCaseEventIsAssessedAndTheAssessmentPublishedKeyedByCase() {
        UUID caseId = UUID.randomUUID();
        caseEvents.publish(event(caseId, 0, opened("2025-01-04")));
        caseEvents.publish(event(caseId, 1, new ParoleGranted(LocalDate.parse("2024-12-20"), LocalDate.parse("2027-01-03"), "U4U", null, null)));

        // One poll with both events is assessed once, after the second; two polls, once after each.
        await().atMost(WAIT).until(() -> {
            List<ConsumerRecord<String, String>> seen = eligibilityEvents.awaitMessagesFor(caseId.toString(), 2, Duration.ofMillis(200));
            return !seen.isEmpty() && read(seen.getLast()).sequence() == 1;
        });
        List<ConsumerRecord<String, String>> messages = eligibilityEvents.awaitMessagesFor(caseId.toString(), 2, Duration.ZERO);

        assertThat(messages).hasSizeBetween(1, 2);
        ConsumerRecord<String, String> latest = messages.getLast();
        CaseEventEnvelope<EligibilityAssessed> envelope = read(latest);
        assertThat(envelope.type()).isEqualTo("EligibilityAssessed");
        assertThat(envelope.caseId()).isEqualTo(caseId);
        assertThat(envelope.organizationId()).isEqualTo("org-a");
        assertThat(envelope.sequence()).isEqualTo(1);
        Assessment assessment = envelope.payload().assessment();
        assertThat(assessment.asOf()).isEqualTo(TODAY);
        assertThat(assessment.deadlines()).extracting(Assessment.Deadline::type, Assessment.Deadline::dueOn).contains(
                org.assertj.core.groups.Tuple.tuple(DeadlineType.ASYLUM_ONE_YEAR, LocalDate.parse("2026-01-05")),
                org.assertj.core.groups.Tuple.tuple(DeadlineType.PAROLE_EXPIRY, LocalDate.parse("2027-01-03")));
        assertThat(header(latest, EventHeaders.CE_TYPE)).isEqualTo("org.haven.eligibility.EligibilityAssessed");
        assertThat(header(latest, EventHeaders.EVENT_ID)).isEqualTo(envelope.eventId().toString());
        assertThat(header(latest, EventHeaders.CASE_ID)).isEqualTo(caseId.toString());
        assertThat(header(latest, EventHeaders.TRACEPARENT)).startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-");
        assertThat(latest.topic()).isEqualTo(Topics.ELIGIBILITY_EVENTS);
    }

    @Test
    void theFactsOfACaseInOnePollAreAssessedOnceAfterTheLastAndARedeliveredPollChangesNothing() {
        UUID caseId = UUID.randomUUID();
        List<CaseFacts.Arrived> poll = List.of(
                new CaseFacts.Arrived(event(caseId, 0, opened("2025-01-04")), null),
                new CaseFacts.Arrived(event(caseId, 1, new ParoleGranted(LocalDate.parse("2024-12-20"),
                        LocalDate.parse("2027-01-03"), "U4U", null, null)), null));

        caseFacts.recordAll(poll);
        caseFacts.recordAll(poll);

        assertThat(jdbc.sql("select event_type from case_fact where case_id = ? order by sequence").param(caseId).query(String.class).list())
                .containsExactly("CaseOpened", "ParoleGranted");
        assertThat(outboxRowsOf(caseId)).isOne();
        List<ConsumerRecord<String, String>> messages = eligibilityEvents.awaitMessagesFor(caseId.toString(), 1, WAIT);
        assertThat(eligibilityEvents.awaitMessagesFor(caseId.toString(), 2, Duration.ofSeconds(2))).hasSize(1);
        CaseEventEnvelope<EligibilityAssessed> assessed = read(messages.getFirst());
        assertThat(assessed.sequence()).isEqualTo(1);
        assertThat(assessed.payload().assessment().deadlines()).extracting(Assessment.Deadline::type)
                .contains(DeadlineType.ASYLUM_ONE_YEAR, DeadlineType.PAROLE_EXPIRY);
    }

    @Test
    void aRedeliveredEventOrOneThatChangesNothingPublishesNothingNew() {
        UUID caseId = UUID.randomUUID();
        CaseEventEnvelope<CaseOpened> opened = event(caseId, 0, opened("2025-01-04"));
        caseEvents.publish(opened);
        assertThat(eligibilityEvents.awaitMessagesFor(caseId.toString(), 1, WAIT)).hasSize(1);

        caseEvents.publish(opened);                                                    // redelivered
        caseEvents.publish(event(caseId, 1, new NoteAdded(UUID.randomUUID())));        // a fact the rules do not read
        RecordMetadata last = caseEvents.publish(event(caseId, 2, new ParoleExpiring(DeadlineType.PAROLE_EXPIRY,
                LocalDate.parse("2027-01-03"), 90, "PAROLE-EXPIRING", "INA 212(d)(5)(A)")));  // our own output coming back
        caseEvents.awaitConsumed(GROUP, last);

        assertThat(outboxRowsOf(caseId)).isOne();
        assertThat(eligibilityEvents.awaitMessagesFor(caseId.toString(), 2, Duration.ofSeconds(2))).hasSize(1);
        assertThat(jdbc.sql("select event_type from case_fact where case_id = ? order by sequence").param(caseId).query(String.class).list())
                .containsExactly("CaseOpened", "NoteAdded");
    }

    @Test
    void eligibilityAssessedComingBackOnTheCaseTopicIsNotAFact() {
        UUID caseId = UUID.randomUUID();
        Assessment echoed = new Assessment(TODAY, "2026.11.1", List.of(), List.of(), List.of());
        CaseEventEnvelope<EligibilityAssessed> withHeaders = event(caseId, 3, new EligibilityAssessed(echoed));
        CaseEventEnvelope<EligibilityAssessed> withoutHeaders = event(caseId, 4, new EligibilityAssessed(echoed));
        caseEvents.publish(withHeaders);
        RecordMetadata last = caseEvents.publishRaw(caseId.toString(), json.writeValueAsString(withoutHeaders));
        caseEvents.awaitConsumed(GROUP, last);

        assertThat(jdbc.sql("select count(*) from case_fact where case_id = ?").param(caseId).query(Long.class).single()).isZero();
        assertThat(outboxRowsOf(caseId)).isZero();
        assertThat(jdbc.sql("select count(*) from processed_event where event_id in (?, ?)")
                .params(withHeaders.eventId(), withoutHeaders.eventId()).query(Long.class).single())
                .as("having no effect, they are not claimed").isZero();
    }

    @Test
    void aMessageAnnouncedAsNotAFactIsPassedOverUnread() {
        UUID caseId = UUID.randomUUID();
        // The header decides, not the value: a (contrived) CaseOpened announced as EligibilityAssessed is not read.
        RecordMetadata passedOver = caseEvents.publishAnnouncing("EligibilityAssessed", event(caseId, 0, opened("2025-01-04")));
        caseEvents.awaitConsumed(GROUP, passedOver);
        assertThat(jdbc.sql("select count(*) from case_fact where case_id = ?").param(caseId).query(Long.class).single()).isZero();

        RecordMetadata read = caseEvents.publishAnnouncing("CaseOpened", event(caseId, 0, opened("2025-01-04")));
        caseEvents.awaitConsumed(GROUP, read);
        assertThat(jdbc.sql("select count(*) from case_fact where case_id = ?").param(caseId).query(Long.class).single()).isOne();
    }

    @Test
    void aNewDayThatChangesTheAnswerPublishesOnceAndOnlyOnce() {
        UUID caseId = UUID.randomUUID();
        RecordMetadata last = caseEvents.publish(event(caseId, 0, opened("2026-06-01")));   // one-year deadline 2027-06-01
        caseEvents.awaitConsumed(GROUP, last);

        assertThat(caseFacts.reassess(caseId, LocalDate.parse("2026-12-01"))).as("nothing changes").isFalse();
        assertThat(caseFacts.reassess(caseId, LocalDate.parse("2027-06-02"))).as("the deadline passed").isTrue();
        assertThat(caseFacts.reassess(caseId, LocalDate.parse("2027-06-02"))).as("again").isFalse();

        List<ConsumerRecord<String, String>> messages = eligibilityEvents.awaitMessagesFor(caseId.toString(), 2, WAIT);
        assertThat(messages).hasSize(2);
        Assessment later = read(messages.getLast()).payload().assessment();
        assertThat(later.asOf()).isEqualTo(LocalDate.parse("2027-06-02"));
        assertThat(later.pathways()).filteredOn(pathway -> pathway.pathway() == Pathway.ASYLUM)
                .singleElement().extracting(Assessment.PathwayResult::result).isEqualTo(EligibilityResult.NOT_ELIGIBLE);
    }

    @Test
    void replayingTheTopicFromTheStartRebuildsTheSameState() {
        UUID caseId = UUID.randomUUID();
        caseEvents.publish(event(caseId, 0, opened("2025-01-04")));
        RecordMetadata last = caseEvents.publish(event(caseId, 1,
                new ParoleGranted(LocalDate.parse("2025-11-01"), LocalDate.parse("2026-10-31"), null, null, null)));
        caseEvents.awaitConsumed(GROUP, last);
        String factsBefore = facts(caseId);
        String assessmentBefore = lastAssessment(caseId);

        listeners.stop();
        jdbc.sql("truncate case_fact, processed_event, case_assessment").update();
        resetGroupToEarliest();
        listeners.start();
        caseEvents.awaitConsumed(GROUP, last);

        assertThat(facts(caseId)).isEqualTo(factsBefore);
        assertThat(lastAssessment(caseId)).isEqualTo(assessmentBefore);
    }

    private String facts(UUID caseId) {
        return String.join("\n", jdbc.sql("select event_id || '|' || event_type || '|' || sequence || '|' || payload::text from case_fact where case_id = ? order by sequence")
                .param(caseId).query(String.class).list());
    }

    private String lastAssessment(UUID caseId) {
        return jdbc.sql("""
                        select a.content_hash || '|' || a.published_event_id || '|' || a.last_sequence || '|' || o.payload
                        from case_assessment a join eligibility_outbox o on o.event_id = a.published_event_id
                        where a.case_id = ?""")
                .param(caseId).query(String.class).single();
    }

    private static void resetGroupToEarliest() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().bootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
            for (int partition = 0; partition < Topics.PARTITIONS; partition++) {
                start.put(new TopicPartition(Topics.CASE_EVENTS, partition), new OffsetAndMetadata(0));
            }
            // the stopped consumers leave the group; until then the broker refuses to move its offsets
            await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(() -> admin.alterConsumerGroupOffsets(GROUP, start).all().get() == null);
        }
    }
}
