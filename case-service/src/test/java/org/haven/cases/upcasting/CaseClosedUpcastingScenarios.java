package org.haven.cases.upcasting;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.haven.cases.Api;
import org.haven.cases.ReadSideIntegrationTest;
import org.haven.cases.domain.CaseId;
import org.haven.cases.domain.HashChain;
import org.haven.cases.domain.intake.CaseClosed;
import org.haven.support.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A {@code CaseClosed} stored as revision 1, as it was before codes existed, reads back as revision 2. */
public abstract class CaseClosedUpcastingScenarios extends ReadSideIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    protected EventStore eventStore;

    @Autowired
    @Qualifier("eventSerializer")
    protected Serializer eventSerializer;

    @Test
    public void aRevisionOneClosureReadsAsRevisionTwoWithoutACodeAndStillVerifies() {
        String organization = newOrganization("upcast");
        Api api = api(organization, Role.CASEWORKER);
        String id = openCase(api, "Olena", "Upcast");
        String openingHash = api.get("/api/cases/" + id + "/history").json().get(0).get("hash").asString();
        String hash = HashChain.next(openingHash, 1, new CaseClosed(CaseId.of(id), "moved to Canada"));
        byte[] openingMetaData = jdbc.queryForObject(
                "select meta_data from domain_event_entry where aggregate_identifier = ? and sequence_number = 0", byte[].class, id);
        ObjectNode metaData = (ObjectNode) JSON.readTree(new String(openingMetaData, StandardCharsets.UTF_8));
        metaData.put(HashChain.PREVIOUS_HASH, openingHash).put(HashChain.HASH, hash);

        jdbc.update("""
                insert into domain_event_entry (global_index, event_identifier, aggregate_identifier, sequence_number, type,
                    time_stamp, payload_type, payload_revision, payload, meta_data)
                values (nextval('domain_event_entry_seq'), ?, ?, 1, 'Case', ?, ?, '1', ?, ?)""",
                UUID.randomUUID().toString(), id, Instant.now().toString(), CaseClosed.class.getName(),
                ("{\"caseId\":\"" + id + "\",\"reason\":\"moved to Canada\"}").getBytes(StandardCharsets.UTF_8),
                JSON.writeValueAsBytes(metaData));

        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(id, 0).asStream().toList();

        DomainEventMessage<?> closure = events.get(1);
        assertThat(closure.getPayload()).isEqualTo(new CaseClosed(CaseId.of(id), "moved to Canada", null));
        assertThat(closure.serializePayload(eventSerializer, byte[].class).getType().getRevision()).isEqualTo("2");
        assertThat(api(organization, Role.AUDITOR).get("/api/audit/cases/" + id + "/verify").json().get("valid").asBoolean()).isTrue();
        await(() -> "CLOSED".equals(api.get("/api/cases/" + id).json().get("status").asString()), "the projection to read the closure");
        assertThat(api.get("/api/cases/" + id).json().get("closure").get("reason").asString()).isEqualTo("moved to Canada");
    }
}
