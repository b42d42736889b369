package org.haven.notifications.intake;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.haven.events.Topics;
import org.haven.support.kafka.CaseEventReader;
import org.haven.support.kafka.ReceivedCaseEvent;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes every case event (group {@code spring.kafka.consumer.group-id}). The intake's work runs in its own
 * database transaction, which has committed by the time this method returns; only then does the container
 * commit the offset. A crash in between redelivers the message, and the intake's dedupe makes that harmless.
 * Nothing is sent from here: email and webhooks go out from the delivery log, after the commit.
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

    @KafkaListener(topics = Topics.CASE_EVENTS)
    public void onCaseEvent(ConsumerRecord<String, @Nullable String> record) {
        switch (reader.read(record.value())) {
            case ReceivedCaseEvent.Recognized(var envelope) -> intake.caseEventReceived(envelope);
            case ReceivedCaseEvent.Unrecognized(var eventId, var type) -> {
                log.debug("Skipping case event {} of type {}, which this build does not know", eventId, type);
                intake.unknownCaseEventSkipped(eventId);
            }
        }
    }
}
