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
import org.haven.events.CaseEventEnvelope;
import org.haven.events.CaseEventPayload;
import org.haven.events.Topics;
import org.haven.support.kafka.CaseEventReader;
import org.haven.support.kafka.ReceivedCaseEvent;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Records the {@code EligibilityAssessed} events from eligibility-service in their cases, which (re)schedules the
 * cases' deadlines — a poll at a time, and of several assessments of one case in a poll only the last: each
 * replaces the one before, so the earlier ones would be recorded, scheduled and notified only to be superseded at
 * once (they are still in eligibility-service's outbox and on its topic). That is what lets the case service catch up
 * after an outage instead of replaying every intermediate assessment. The case itself dedupes: a redelivered or older
 * assessment changes nothing, so the offsets may be committed after the commands (at-least-once is enough).
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

    @KafkaListener(topics = Topics.ELIGIBILITY_EVENTS, batch = "true")
    void onEligibilityEvents(List<ConsumerRecord<String, @Nullable String>> records) {
        List<CaseEventEnvelope<?>> received = new ArrayList<>(records.size());
        for (ConsumerRecord<String, @Nullable String> record : records) {
            if (reader.readInPoll(record).orElse(null) instanceof ReceivedCaseEvent.Recognized(var envelope)) {
                received.add(envelope);
            }
        }
        latestAssessmentOfEachCase(received).forEach(this::record);
    }

    /** In the order the cases first appear; a case's assessments are in order (one partition). */
    static Collection<CaseEventEnvelope<?>> latestAssessmentOfEachCase(List<CaseEventEnvelope<?>> events) {
        Map<UUID, CaseEventEnvelope<?>> latest = new LinkedHashMap<>();
        for (CaseEventEnvelope<?> event : events) {
            if (event.payload() instanceof CaseEventPayload.EligibilityAssessed) {
                latest.put(event.caseId(), event);
            }
        }
        return latest.values();
    }

    private void record(CaseEventEnvelope<?> envelope) {
        var assessed = (CaseEventPayload.EligibilityAssessed) envelope.payload();
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
