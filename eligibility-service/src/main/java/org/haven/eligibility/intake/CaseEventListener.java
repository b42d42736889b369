package org.haven.eligibility.intake;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.haven.eligibility.facts.CaseFacts;
import org.haven.events.EventHeaders;
import org.haven.events.Topics;
import org.haven.support.kafka.CaseEventReader;
import org.haven.support.kafka.ReceivedCaseEvent;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;

/**
 * Consumes every case event (group {@code spring.kafka.consumer.group-id}). Recording a fact and re-assessing the
 * case run in one database transaction, which has committed by the time this method returns; only then does the
 * container commit the offset. A crash in between redelivers the message, and the dedupe makes that harmless.
 */
@Component
class CaseEventListener {

    private static final Logger log = LoggerFactory.getLogger(CaseEventListener.class);

    private final CaseEventReader reader;
    private final CaseFacts facts;

    CaseEventListener(CaseEventReader reader, CaseFacts facts) {
        this.reader = reader;
        this.facts = facts;
    }

    @KafkaListener(topics = Topics.CASE_EVENTS)
    public void onCaseEvent(ConsumerRecord<String, @Nullable String> record) {
        switch (reader.read(record.value())) {
            case ReceivedCaseEvent.Recognized(var envelope) -> facts.record(envelope, traceparent(record));
            case ReceivedCaseEvent.Unrecognized(var eventId, var type) -> {
                log.debug("Skipping case event {} of type {}, which this build does not know", eventId, type);
                facts.unknownCaseEventSkipped(eventId);
            }
        }
    }

    private static @Nullable String traceparent(ConsumerRecord<String, @Nullable String> record) {
        Header header = record.headers().lastHeader(EventHeaders.TRACEPARENT);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
