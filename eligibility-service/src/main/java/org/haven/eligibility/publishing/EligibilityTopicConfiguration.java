package org.haven.eligibility.publishing;

import org.apache.kafka.clients.admin.NewTopic;
import org.haven.eligibility.EligibilityProperties;
import org.haven.events.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * eligibility-service owns the eligibility-events topic and creates it at start-up (KafkaAdmin leaves an existing one
 * alone). Kept forever like the case-events topic, so that a consumer can rebuild from the start.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class EligibilityTopicConfiguration {

    @Bean
    NewTopic eligibilityEventsTopic(EligibilityProperties properties) {
        return TopicBuilder.name(Topics.ELIGIBILITY_EVENTS)
                .partitions(Topics.PARTITIONS)
                .replicas(properties.eligibilityTopicReplicas())
                .config("retention.ms", "-1")
                .build();
    }
}
