package org.haven.support.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.apache.kafka.common.header.Header;
import org.haven.events.CaseEventEnvelope;
import org.haven.events.CaseEventPayload;
import org.haven.events.EventHeaders;
import org.haven.events.Topics;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads the value of a {@link Topics#CASE_EVENTS} message: the envelope's {@code type} first, then the
 * payload as the contract's record for that type. Fields this build does not know are ignored, so that a
 * producer can add an optional field before every consumer has been redeployed.
 */

public class CaseEventReader {

    private static final Logger log = LoggerFactory.getLogger(CaseEventReader.class);

    private final JsonMapper mapper;

    public CaseEventReader(JsonMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * One message of a poll: what {@link #read} makes of it, or empty — logged — when it cannot be read and never
     * will be, so that a batch listener skips it on its own and handles the rest of its poll.
     */
    public Optional<ReceivedCaseEvent> readInPoll(ConsumerRecord<?, @Nullable String> record) {
        try {
            return Optional.of(read(record.value()));
        } catch (MalformedCaseEventException e) {
            log.warn("Skipping {}-{}@{}, which cannot be read: {}", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The payload type a message announces in its {@link EventHeaders#EVENT_TYPE} header, read without parsing the
     * value: lets a consumer pass over the events it does nothing with (neither reading nor claiming them). Empty
     * when the header is missing or names a type this build does not know; such a message is read as usual.
     */
    public static Optional<Class<? extends CaseEventPayload>> announcedType(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader(EventHeaders.EVENT_TYPE);
        return header == null ? Optional.empty() : CaseEventPayload.typeNamed(new String(header.value(), StandardCharsets.UTF_8));
    }

    public ReceivedCaseEvent read(@Nullable String value) {
        if (value == null) {
            throw new MalformedCaseEventException("Case event message without a value");
        }
        JsonNode tree;
        try {
            tree = mapper.readTree(value);
        } catch (JacksonException e) {
            throw new MalformedCaseEventException("Case event message is not JSON", e);
        }
        if (!tree.isObject()) {
            throw new MalformedCaseEventException("Case event message is not a JSON object");
        }
        UUID eventId = eventId(tree);
        String type = tree.path("type").asString("");
        if (type.isBlank()) {
            throw new MalformedCaseEventException("Case event " + eventId + " has no type");
        }
        return CaseEventPayload.typeNamed(type)
                .<ReceivedCaseEvent>map(payloadClass -> new ReceivedCaseEvent.Recognized(envelope(tree, eventId, payloadClass)))
                .orElseGet(() -> new ReceivedCaseEvent.Unrecognized(eventId, type));
    }

    private static UUID eventId(JsonNode tree) {
        try {
            return UUID.fromString(tree.path("eventId").asString(""));
        } catch (IllegalArgumentException e) {
            throw new MalformedCaseEventException("Case event message without a valid eventId", e);
        }
    }

    private CaseEventEnvelope<? extends CaseEventPayload> envelope(JsonNode tree, UUID eventId,
                                                                   Class<? extends CaseEventPayload> payloadClass) {
        JavaType type = mapper.getTypeFactory().constructParametricType(CaseEventEnvelope.class, payloadClass);
        CaseEventEnvelope<? extends CaseEventPayload> envelope;
        try {
            envelope = mapper.readerFor(type)
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(tree);
        } catch (JacksonException e) {
            throw new MalformedCaseEventException("Case event " + eventId + " does not match its type's contract", e);
        }
        if (envelope.caseId() == null || envelope.organizationId() == null || envelope.occurredAt() == null
                || envelope.payload() == null) {
            throw new MalformedCaseEventException("Case event " + eventId + " lacks caseId, organizationId, occurredAt or payload");
        }
        return envelope;
    }
}
