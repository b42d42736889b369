package org.haven.cases.config;

import org.apache.kafka.clients.admin.NewTopic;
import org.haven.events.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** case-service owns the case-events topic and creates it at start-up (KafkaAdmin leaves an existing one alone). */
@Configuration(proxyBeanMethods = false)
public class KafkaTopicsConfiguration {

    @Bean
    NewTopic caseEventsTopic() {
        return TopicBuilder.name(Topics.CASE_EVENTS)
                .partitions(Topics.PARTITIONS)
                .replicas(1)
                .config("retention.ms", "-1")
                .build();
    }

    /**
     * notification-service owns the reminder-settings topic; declared here too, the same way, so that this service's
     * listener finds it whichever of the two starts first.
     */
    @Bean
    NewTopic reminderSettingsTopic() {
        return TopicBuilder.name(Topics.REMINDER_SETTINGS).partitions(1).replicas(1).compact().build();
    }
}
