package org.haven.notifications.preferences;

import org.apache.kafka.clients.admin.NewTopic;
import org.haven.events.ReminderSettings;
import org.haven.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Tells case-service, which schedules the reminders, each organization's reminder lead times: on
 * {@link Topics#REMINDER_SETTINGS}, keyed by organization, the whole map each time. A change is published before
 * its transaction commits and the request fails if Kafka does not take it (nothing changed); a commit that fails after
 * the send, or anything else lost, is mended at start-up, when every stored organization's settings are published
 * again (the topic is compacted and case-service keeps the newest by {@code updatedAt}).
 */
@Component
class ReminderSettingsPublisher {

    private static final Logger log = LoggerFactory.getLogger(ReminderSettingsPublisher.class);
    /**
     * Longer than the producer's {@code delivery.timeout.ms} (10 s, application.yml), so that a send is known to have
     * failed for good — not merely late, to arrive after the change was rolled back — when this gives up.
     */
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(5);

    private final KafkaTemplate<String, String> kafka;
    private final JsonMapper json;
    private final PreferencesRepository repository;

    ReminderSettingsPublisher(KafkaTemplate<String, String> kafka, JsonMapper json, PreferencesRepository repository) {
        this.kafka = kafka;
        this.json = json;
        this.repository = repository;
    }

    /** notification-service creates the topic; compacted, so the latest settings of each organization stay. */
    @Bean
    static NewTopic reminderSettingsTopic() {
        return TopicBuilder.name(Topics.REMINDER_SETTINGS).partitions(1).replicas(1).compact().build();
    }

    /** Sends and waits for the broker's acknowledgement; {@link SettingsNotPublishedException} if it does not come. */
    void publish(ReminderSettings settings) {
        try {
            kafka.send(Topics.REMINDER_SETTINGS, settings.organizationId(), json.writeValueAsString(settings))
                    .get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SettingsNotPublishedException(e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw new SettingsNotPublishedException(e);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void republishAllOnceReady() {
        Thread.ofVirtual().name("reminder-settings-republish").start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    List<ReminderSettings> all = repository.allReminderSettings();
                    all.forEach(this::publish);
                    log.info("Published the reminder lead times of {} organizations", all.size());
                    return;
                } catch (RuntimeException e) {
                    log.warn("Publishing the reminder lead times failed; again in {}: {}", RETRY_PAUSE, e.toString());
                    try {
                        Thread.sleep(RETRY_PAUSE);
                    } catch (InterruptedException interrupted) {
                        return;
                    }
                }
            }
        });
    }

    /** Kafka did not acknowledge the settings: the change is not made (503). */
    static class SettingsNotPublishedException extends RuntimeException {
        SettingsNotPublishedException(Throwable cause) {
            super("Kafka did not acknowledge the reminder settings: " + cause, cause);
        }
    }
}
