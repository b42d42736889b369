package org.haven.cases.deadlines;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.haven.events.ReminderSettings;
import org.haven.events.Topics;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores each organization's reminder days as notification-service publishes them; assessments recorded from then on
 * schedule their reminders on those days. When an organization's days changed, its open cases are re-planned with
 * them ({@link ReminderReplanning}), scheduled in the same transaction that stores the days: a redelivered record
 * finds the days stored and changes nothing, so the re-planning must already be on record when they are.
 */
@Component
class ReminderSettingsListener {

    private static final Logger log = LoggerFactory.getLogger(ReminderSettingsListener.class);

    private final JsonMapper json;
    private final ReminderSettingsStore store;
    private final ReminderReplanning replanning;
    private final TransactionTemplate transaction;

    ReminderSettingsListener(JsonMapper json, ReminderSettingsStore store, ReminderReplanning replanning,
                             PlatformTransactionManager transactions) {
        this.json = json;
        this.store = store;
        this.replanning = replanning;
        this.transaction = new TransactionTemplate(transactions);
    }

    @KafkaListener(topics = Topics.REMINDER_SETTINGS, groupId = "case-service-reminder-settings", concurrency = "1")
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
        boolean changed = Boolean.TRUE.equals(transaction.execute(status -> {
            boolean stored = store.save(settings);
            if (stored) {
                replanning.startFor(settings.organizationId(), settings.updatedAt());
            }
            return stored;
        }));
        log.info("Reminder days of {} as of {}: {}{}", settings.organizationId(), settings.updatedAt(),
                settings.reminderDaysBefore(), changed ? " (changed; its open cases are re-planned)" : " (as stored)");
    }
}
