package org.haven.eligibility.publishing;

import org.haven.events.Assessment;
import org.haven.events.CaseEventEnvelope;
import org.haven.events.CaseEventPayload.EligibilityAssessed;
import org.haven.events.EventHeaders;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Decides whether a case's new assessment is news (its content hash differs from the last published one's) and, if
 * so, writes its {@code EligibilityAssessed} to the outbox —
 * in the caller's transaction, the one that recorded the fact and claimed its event id. The case's row in
 * {@code case_assessment} is locked first, so two writers for one case (a case event and the daily re-assessment)
 * take turns instead of both publishing.
 *
 * <p>The published event's id is derived from its cause and its content: replaying the same cause to the same
 * result yields the same id, which consumers already dedupe.
 */
@Service
public class AssessmentPublisher {

    public static final String EVENT_TYPE = "EligibilityAssessed";
    public static final String CE_TYPE = "org.haven.eligibility." + EVENT_TYPE;
    public static final String CE_SOURCE = "/haven/eligibility-service";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    AssessmentPublisher(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** The case an assessment is about, and where in its history it was made. */
    public record AssessedCase(UUID caseId, String organizationId, long sequence) {
    }

    /** What the content hash covers: the answer itself, not the date it was asked on. */
    private record Content(String ruleSetVersion, List<Assessment.PathwayResult> pathways,
                           List<Assessment.Deadline> deadlines, List<Assessment.Warning> warnings) {
    }

    /**
     * @param cause        what led to this assessment (the case event's id, or the day of a re-assessment)
     * @param traceparent  the W3C trace context of the cause, continued in the published event; null starts a trace
     * @return whether an event was written to the outbox
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean publishIfChanged(AssessedCase assessed, Assessment assessment, String cause, @Nullable String traceparent) {
        String hash = contentHash(assessment);
        jdbc.sql("""
                        insert into case_assessment (case_id, organization_id, content_hash, published_event_id,
                                                     last_sequence, last_evaluated_as_of, updated_at)
                        values (?, ?, '', ?, ?, ?, now())
                        on conflict (case_id) do nothing""")
                .params(assessed.caseId(), assessed.organizationId(), new UUID(0, 0), assessed.sequence(), assessment.asOf())
                .update();
        String lastHash = jdbc.sql("select content_hash from case_assessment where case_id = ? for update")
                .param(assessed.caseId()).query(String.class).single();
        if (hash.equals(lastHash)) {
            jdbc.sql("update case_assessment set last_evaluated_as_of = ?, last_sequence = greatest(last_sequence, ?) where case_id = ?")
                    .params(assessment.asOf(), assessed.sequence(), assessed.caseId()).update();
            return false;
        }
        UUID eventId = UUID.nameUUIDFromBytes((assessed.caseId() + "|" + cause + "|" + hash).getBytes(StandardCharsets.UTF_8));
        Instant occurredAt = clock.instant();
        var envelope = new CaseEventEnvelope<>(eventId, EVENT_TYPE, assessed.caseId(), assessed.organizationId(),
                assessed.sequence(), occurredAt, new EligibilityAssessed(assessment));
        jdbc.sql("""
                        insert into eligibility_outbox (event_id, case_id, payload, headers, created_at)
                        values (?, ?, ?, cast(? as jsonb), now())
                        on conflict (event_id) do nothing""")
                .params(eventId, assessed.caseId(), json.writeValueAsString(envelope),
                        json.writeValueAsString(headers(envelope, traceparent)))
                .update();
        jdbc.sql("""
                        update case_assessment set content_hash = ?, published_event_id = ?,
                               last_sequence = greatest(last_sequence, ?), last_evaluated_as_of = ?, updated_at = now()
                         where case_id = ?""")
                .params(hash, eventId, assessed.sequence(), assessment.asOf(), assessed.caseId())
                .update();
        return true;
    }

    /** The cases whose last evaluation is older than the given day, for the daily re-assessment. */
    public List<UUID> casesNotEvaluatedOn(LocalDate day) {
        return jdbc.sql("select case_id from case_assessment where last_evaluated_as_of < ? order by case_id")
                .param(day).query(UUID.class).list();
    }

    /** Locks the case's row and returns its organization and last sequence, if the case has been assessed. */
    public Optional<AssessedCase> lockCase(UUID caseId) {
        return jdbc.sql("select organization_id, last_sequence from case_assessment where case_id = ? for update")
                .param(caseId)
                .query((rs, row) -> new AssessedCase(caseId, rs.getString("organization_id"), rs.getLong("last_sequence")))
                .optional();
    }

    private Map<String, String> headers(CaseEventEnvelope<EligibilityAssessed> envelope, @Nullable String traceparent) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(EventHeaders.EVENT_ID, envelope.eventId().toString());
        headers.put(EventHeaders.EVENT_TYPE, EVENT_TYPE);
        headers.put(EventHeaders.CASE_ID, envelope.caseId().toString());
        headers.put(EventHeaders.ORGANIZATION_ID, envelope.organizationId());
        headers.put(EventHeaders.SEQUENCE, Long.toString(envelope.sequence()));
        headers.put(EventHeaders.OCCURRED_AT, envelope.occurredAt().toString());
        headers.put(EventHeaders.TRACEPARENT, continueTrace(traceparent, envelope.eventId()));
        headers.put(EventHeaders.CE_ID, envelope.eventId().toString());
        headers.put(EventHeaders.CE_TYPE, CE_TYPE);
        headers.put(EventHeaders.CE_SOURCE, CE_SOURCE);
        headers.put(EventHeaders.CE_SPECVERSION, EventHeaders.CE_SPECVERSION_VALUE);
        headers.put(EventHeaders.CE_TIME, envelope.occurredAt().toString());
        headers.put(EventHeaders.CE_SUBJECT, envelope.caseId().toString());
        headers.put("content-type", "application/json");
        return headers;
    }

    /** The cause's trace id with a span id of this event's own; a new trace when the cause had none. */
    static String continueTrace(@Nullable String traceparent, UUID eventId) {
        String eventHex = eventId.toString().replace("-", "");
        String spanId = eventHex.substring(16);
        if (traceparent != null && traceparent.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}")) {
            return "00-" + traceparent.substring(3, 35) + "-" + spanId + "-01";
        }
        return "00-" + eventHex + "-" + spanId + "-01";
    }

    private String contentHash(Assessment assessment) {
        byte[] content = json.writeValueAsBytes(new Content(assessment.ruleSetVersion(), assessment.pathways(),
                assessment.deadlines(), assessment.warnings()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
