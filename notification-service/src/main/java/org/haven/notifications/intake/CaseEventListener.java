package org.haven.notifications.intake;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.haven.events.CaseEventEnvelope;
import org.haven.events.Topics;
import org.haven.support.kafka.CaseEventReader;
import org.haven.support.kafka.ReceivedCaseEvent;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Consumes every case event (group {@code spring.kafka.consumer.group-id}), a poll at a time: the intake's work
 * for the whole poll runs in one database transaction ({@link NotificationIntake#caseEventsReceived}), which has
 * committed by the time this method returns; only then does the container commit the offsets. A crash in between
 * redelivers the messages, and the intake's dedupe makes that harmless. A failure (the database down) rolls the
 * poll back and the container retries it with growing pauses. A message that cannot be read never will be: it is
 * logged and skipped, the rest of its poll handled. A message whose header announces a type the intake does nothing
 * with ({@link NotificationIntake#actsOn}) is passed over unread. Nothing is sent from here: email and webhooks go
 * out from the delivery log, after the commit.
 */
@Component
class CaseEventListener {

    private static final Logger log = LoggerFactory.getLogger(CaseEventListener.class);

    private final CaseEventReader reader;
    private final NotificationIntake intake;

    CaseEventListener(CaseEventReader reader, NotificationIntake intake) {
        this.reader = reader;
        this.intake = intake;
    }

    @KafkaListener(topics = Topics.CASE_EVENTS, batch = "true")
    public void onCaseEvents(List<ConsumerRecord<String, @Nullable String>> records) {
        List<CaseEventEnvelope<?>> received = new ArrayList<>(records.size());
        for (ConsumerRecord<String, @Nullable String> record : records) {
            if (CaseEventReader.announcedType(record).filter(type -> !NotificationIntake.actsOn(type)).isPresent()) {
                continue;
            }
            reader.readInPoll(record).ifPresent(read -> {
                switch (read) {
                    case ReceivedCaseEvent.Recognized(var envelope) -> received.add(envelope);
                    case ReceivedCaseEvent.Unrecognized(var eventId, var type) -> {
                        log.debug("Skipping case event {} of type {}, which this build does not know", eventId, type);
                        intake.unknownCaseEventSkipped(eventId);
                    }
                }
            });
        }
        intake.caseEventsReceived(received);
    }
}
