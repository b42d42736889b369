package org.haven.gateway.limits;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RequestLimitProperties.class)
public class LimitsConfiguration {

    /** The security chain builds the {@link RateLimitFilter} around this, after authentication. */
    @Bean
    CallerRateLimits callerRateLimits(RequestLimitProperties properties) {
        return new CallerRateLimits(properties.rate(), System::nanoTime);
    }
}
