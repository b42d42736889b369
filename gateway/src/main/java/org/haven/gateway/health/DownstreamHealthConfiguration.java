package org.haven.gateway.health;

import io.netty.channel.ChannelOption;
import org.haven.gateway.routing.ServiceProperties;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

/**
 * One health indicator per service, so {@code /actuator/health} is DOWN (503) as soon as one of them is.
 * Bean names give the component names: caseService, eligibilityService, notificationService.
 */
@Configuration(proxyBeanMethods = false)
public class DownstreamHealthConfiguration {

    private final WebClient client;
    private final ServiceProperties services;

    DownstreamHealthConfiguration(ServiceProperties services) {
        this.services = services;
        HttpClient httpClient = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) services.healthTimeout().toMillis());
        this.client = WebClient.builder().clientConnector(new ReactorClientHttpConnector(httpClient)).build();
    }

    @Bean
    ReactiveHealthIndicator caseServiceHealthIndicator() {
        return new DownstreamHealthIndicator(client, services.caseService(), services.healthTimeout());
    }

    @Bean
    ReactiveHealthIndicator eligibilityServiceHealthIndicator() {
        return new DownstreamHealthIndicator(client, services.eligibility(), services.healthTimeout());
    }

    @Bean
    ReactiveHealthIndicator notificationServiceHealthIndicator() {
        return new DownstreamHealthIndicator(client, services.notification(), services.healthTimeout());
    }
}
