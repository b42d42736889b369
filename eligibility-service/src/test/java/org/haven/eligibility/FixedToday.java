package org.haven.eligibility;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.Clock;

/** "Today" for the Spring tests: a fixed instant, so that assessments as of today are reproducible. */
@TestConfiguration(proxyBeanMethods = false)
class FixedToday {

    @Bean
    @Primary
    Clock fixedClock() {
        return Clock.fixed(ServiceTestSupport.NOW, ServiceTestSupport.ZONE);
    }
}
