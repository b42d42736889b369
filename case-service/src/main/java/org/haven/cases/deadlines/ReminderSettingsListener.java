package org.haven.cases.deadlines;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.haven.cases.config.AxonConfiguration;
import org.haven.cases.config.DeadlineConfiguration;
import org.haven.cases.domain.CaseId;
import org.haven.cases.domain.CaseNotFound;
import org.haven.cases.domain.CaseRuleViolation;
import org.haven.cases.domain.deadlines.ApplyOrganizationReminderDays;
import org.haven.cases.read.CaseQueries;
import org.haven.events.ReminderSettings;
import org.haven.events.Topics;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Stores each organization's reminder days as notification-service publishes them; assessments recorded from then on
 * schedule their reminders on those days. When an organization's days changed, each of its open cases re-plans its
 * latest assessment with them ({@link ApplyOrganizationReminderDays}), one after another before the record's offset
 * is committed: a crash part-way redelivers the record, and the cases already re-planned have nothing left to do.
 * <p>
 * Twice: at once, and again once every instance has forgotten the old days ({@link ReminderSettingsStore#REMEMBERED})
 * and the read model has had time to show cases opened just before. Without the second pass, an assessment recorded
 * on another instance in those seconds, with the old days it still remembered, or a case the read model did not list
 * yet, kept the old days until its next assessment. The second pass changes nothing for the cases already right.
 */
@Component
class ReminderSettingsListener {

    private static final Logger log = LoggerFactory.getLogger(ReminderSettingsListener.class);

    static final String ACTOR = "system:reminder-settings";

    private final JsonMapper json;
    private final ReminderSettingsStore store;
    private final CaseQueries cases;
    private final CommandGateway commands;
    private final Duration replanAgainAfter;

    ReminderSettingsListener(JsonMapper json, ReminderSettingsStore store, CaseQueries cases, CommandGateway commands,
                             DeadlineConfiguration.DeadlineProperties deadlines) {
        this.json = json;
        this.store = store;
        this.cases = cases;
        this.commands = commands;
        this.replanAgainAfter = deadlines.replanAgainAfter();
    }

    @KafkaListener(topics = Topics.REMINDER_SETTINGS, groupId = "case-service-reminder-settings", concurrency = "1",
            properties = "max.poll.interval.ms=1800000") // re-planning a large organization's cases takes a while
    void onReminderSettings(ConsumerRecord<String, @Nullable String> record) {
        if (record.value() == null) {
            return;
        }
        ReminderSettings settings;
        try {
            settings = json.readValue(record.value(), ReminderSettings.class);
        } catch (JacksonException e) {
            log.warn("Skipping {}-{}@{}, which cannot be read as reminder settings: {}", record.topic(), record.partition(),
                    record.offset(), e.getOriginalMessage());
            return;
        }
        if (settings.organizationId() == null || settings.reminderDaysBefore() == null || settings.updatedAt() == null
                || settings.reminderDaysBefore().values().stream().anyMatch(days -> days == null || days.isEmpty()
                        || days.stream().anyMatch(day -> day == null || day < 1))) {
            log.warn("Skipping {}-{}@{}: incomplete reminder settings {}", record.topic(), record.partition(), record.offset(), settings);
            return;
        }
        boolean changed = store.save(settings);
        log.info("Reminder days of {} as of {}: {}{}", settings.organizationId(), settings.updatedAt(),
                settings.reminderDaysBefore(), changed ? " (changed)" : " (as stored)");
        if (changed) {
            replanOpenCases(settings.organizationId());
            try {
                Thread.sleep(replanAgainAfter);
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt(); // the offset stays uncommitted: the record comes again
                throw new IllegalStateException("Stopped before re-planning the cases of " + settings.organizationId() + " again");
            }
            replanOpenCases(settings.organizationId());
        }
    }

    private void replanOpenCases(String organizationId) {
        List<UUID> open = cases.openCaseIds(organizationId);
        MetaData metaData = MetaData.with(AxonConfiguration.ACTOR, ACTOR).and(AxonConfiguration.ORGANIZATION, organizationId);
        int failed = 0;
        for (UUID caseId : open) {
            try {
                commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                        new ApplyOrganizationReminderDays(new CaseId(caseId))).andMetaData(metaData));
            } catch (AggregateNotFoundException | CaseNotFound | CaseRuleViolation gone) {
                failed++;
                log.debug("Case {} not re-planned: {}", caseId, gone.toString());
            }
        }
        log.info("Re-planned the reminders of {} open cases of {} ({} skipped)", open.size() - failed, organizationId, failed);
    }
}
