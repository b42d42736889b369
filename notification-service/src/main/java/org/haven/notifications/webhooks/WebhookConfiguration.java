package org.haven.notifications.webhooks;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookProperties.class)
class WebhookConfiguration {

    /** The system resolver; tests put a rebinding one in front of it. */
    @Bean
    HostResolver hostResolver() {
        return HostResolver.SYSTEM;
    }
}
