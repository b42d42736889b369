package org.haven.cases.deadlines;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.haven.cases.config.AxonConfiguration;
import org.haven.cases.domain.CaseId;
import org.haven.cases.domain.CaseNotFound;
import org.haven.cases.domain.deadlines.RecordEligibilityAssessment;
import org.haven.events.CaseEventPayload;
import org.haven.events.Topics;
import org.haven.support.kafka.CaseEventReader;
import org.haven.support.kafka.ReceivedCaseEvent;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Records each {@code EligibilityAssessed} from eligibility-service in its case, which (re)schedules the case's
 * deadlines. The case itself dedupes: a redelivered or older assessment changes nothing, so the offset may be
 * committed after the command (at-least-once is enough).
 */
@Component
class EligibilityAssessmentListener {

    static final String ACTOR = "system:eligibility-service";
    private static final Logger log = LoggerFactory.getLogger(EligibilityAssessmentListener.class);

    private final CaseEventReader reader;
    private final CommandGateway commands;

    EligibilityAssessmentListener(CaseEventReader reader, CommandGateway commands) {
        this.reader = reader;
        this.commands = commands;
    }

    @KafkaListener(topics = Topics.ELIGIBILITY_EVENTS)
    void onEligibilityEvent(ConsumerRecord<String, @Nullable String> record) {
        if (!(reader.read(record.value()) instanceof ReceivedCaseEvent.Recognized(var envelope))
                || !(envelope.payload() instanceof CaseEventPayload.EligibilityAssessed assessed)) {
            return;
        }
        var command = new RecordEligibilityAssessment(new CaseId(envelope.caseId()), envelope.eventId(),
                envelope.occurredAt(), assessed.assessment());
        MetaData metaData = MetaData.with(AxonConfiguration.ACTOR, ACTOR)
                .and(AxonConfiguration.ORGANIZATION, envelope.organizationId());
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
        } catch (AggregateNotFoundException | CaseNotFound unknownCase) {
            log.warn("Assessment {} is for case {} of {}, which this service does not hold; skipped",
                    envelope.eventId(), envelope.caseId(), envelope.organizationId());
        }
    }
}
