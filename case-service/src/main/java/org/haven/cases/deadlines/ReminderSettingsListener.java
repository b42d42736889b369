package org.haven.cases.deadlines;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.haven.events.ReminderSettings;
import org.haven.events.Topics;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores each organization's reminder days as notification-service publishes them. Assessments recorded from then on
 * schedule their reminders on those days; deadlines already scheduled keep theirs until the case's next assessment.
 */
@Component
class ReminderSettingsListener {

    private static final Logger log = LoggerFactory.getLogger(ReminderSettingsListener.class);

    private final JsonMapper json;
    private final ReminderSettingsStore store;

    ReminderSettingsListener(JsonMapper json, ReminderSettingsStore store) {
        this.json = json;
        this.store = store;
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
        store.save(settings);
        log.info("Reminder days of {} as of {}: {}", settings.organizationId(), settings.updatedAt(), settings.reminderDaysBefore());
    }
}
