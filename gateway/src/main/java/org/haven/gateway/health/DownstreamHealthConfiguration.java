package org.haven.gateway.health;

import io.netty.channel.ChannelOption;
import org.haven.gateway.routing.RoutingConfiguration;
import org.haven.gateway.routing.ServiceProperties;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.cloud.client.discovery.ReactiveDiscoveryClient;
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
    private final ReactiveDiscoveryClient discovery;

    DownstreamHealthConfiguration(ServiceProperties services, ReactiveDiscoveryClient discovery) {
        this.services = services;
        this.discovery = discovery;
        HttpClient httpClient = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) services.healthTimeout().toMillis());
        this.client = WebClient.builder().clientConnector(new ReactorClientHttpConnector(httpClient)).build();
    }

    @Bean
    ReactiveHealthIndicator caseServiceHealthIndicator() {
        return indicator(RoutingConfiguration.CASE_SERVICE);
    }

    @Bean
    ReactiveHealthIndicator eligibilityServiceHealthIndicator() {
        return indicator(RoutingConfiguration.ELIGIBILITY_SERVICE);
    }

    @Bean
    ReactiveHealthIndicator notificationServiceHealthIndicator() {
        return indicator(RoutingConfiguration.NOTIFICATION_SERVICE);
    }

    private ReactiveHealthIndicator indicator(String service) {
        return new DownstreamHealthIndicator(client, discovery, service, services.healthTimeout());
    }
}
