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
import java.util.ArrayList;
import java.util.List;

/**
 * Consumes every case event (group {@code spring.kafka.consumer.group-id}), a poll at a time: recording the poll's
 * facts and re-assessing their cases run in one database transaction ({@link CaseFacts#recordAll}), which has
 * committed by the time this method returns; only then does the container commit the offsets. A crash in between
 * redelivers the messages, and the dedupe makes that harmless. A failure (the database down) rolls the whole poll
 * back, and the container retries it with growing pauses, holding the partitions. A message that cannot be read
 * never will be: it is logged and skipped, the rest of its poll recorded. A message whose header announces an event
 * that is not a fact ({@link CaseFacts#isFact}: this service's own output coming back) is passed over unread.
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

    @KafkaListener(topics = Topics.CASE_EVENTS, batch = "true")
    public void onCaseEvents(List<ConsumerRecord<String, @Nullable String>> records) {
        List<CaseFacts.Arrived> arrived = new ArrayList<>(records.size());
        for (ConsumerRecord<String, @Nullable String> record : records) {
            if (CaseEventReader.announcedType(record).filter(type -> !CaseFacts.isFact(type)).isPresent()) {
                continue;
            }
            reader.readInPoll(record).ifPresent(read -> {
                switch (read) {
                    case ReceivedCaseEvent.Recognized(var envelope) -> arrived.add(new CaseFacts.Arrived(envelope, traceparent(record)));
                    case ReceivedCaseEvent.Unrecognized(var eventId, var type) -> {
                        log.debug("Skipping case event {} of type {}, which this build does not know", eventId, type);
                        facts.unknownCaseEventSkipped(eventId);
                    }
                }
            });
        }
        facts.recordAll(arrived);
    }

    private static @Nullable String traceparent(ConsumerRecord<String, @Nullable String> record) {
        Header header = record.headers().lastHeader(EventHeaders.TRACEPARENT);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
