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
}
