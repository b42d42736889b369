package org.haven.eligibility.facts;

import org.haven.eligibility.history.CaseHistory;
import org.haven.eligibility.history.Person;
import org.haven.events.CaseEventEnvelope;
import org.haven.events.CaseEventPayload;
import org.haven.events.CaseEventPayload.CaseOpened;
import org.haven.events.CaseEventPayload.ClientDetailsCorrected;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

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

    /**
     * The case's facts in sequence order. The person comes from the latest {@code CaseOpened} or
     * {@code ClientDetailsCorrected}; every other fact is an event of the history.
     */
    CaseHistory historyOf(UUID caseId) {
        List<CaseEventPayload> facts = jdbc.sql("select event_type, payload from case_fact where case_id = ? order by sequence")
                .param(caseId)
                .query((rs, row) -> payload(rs.getString("event_type"), rs.getString("payload")))
                .list();
        Person person = Person.UNKNOWN;
        List<CaseEventPayload> events = new ArrayList<>();
        for (CaseEventPayload fact : facts) {
            switch (fact) {
                case CaseOpened opened -> person = new Person(opened.dateOfBirth(), opened.countryOfNationality(),
                        opened.unaccompaniedMinor(), opened.lastArrivalDate());
                case ClientDetailsCorrected corrected -> person = new Person(corrected.dateOfBirth(),
                        corrected.countryOfNationality(), corrected.unaccompaniedMinor(), corrected.lastArrivalDate());
                default -> events.add(fact);
            }
        }
        return new CaseHistory(person, events);
    }

    private CaseEventPayload payload(String type, String payload) {
        Class<? extends CaseEventPayload> payloadClass = CaseEventPayload.typeNamed(type).orElseThrow(() ->
                new IllegalStateException("case_fact holds an event type this build does not know: " + type));
        return json.readValue(payload, payloadClass);
    }
}
