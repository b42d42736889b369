package org.haven.eligibility.facts;

import org.haven.events.CaseEventEnvelope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The {@code case_fact} table: one row per case event, its payload kept as the contract's JSON. */
@Repository
class CaseFactLog {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    CaseFactLog(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void append(CaseEventEnvelope<?> event) {
        jdbc.sql("""
                        insert into case_fact (event_id, case_id, organization_id, event_type, sequence, payload, recorded_at)
                        values (:eventId, :caseId, :organizationId, :eventType, :sequence, cast(:payload as jsonb), now())""")
                .param("eventId", event.eventId())
                .param("caseId", event.caseId())
                .param("organizationId", event.organizationId())
                .param("eventType", event.type())
                .param("sequence", event.sequence())
                .param("payload", json.writeValueAsString(event.payload()))
                .update();
    }
}
