package org.haven.gateway.routing;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.client.discovery.ReactiveDiscoveryClient;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.List;

/**
 * The routes are declared in application.yml under {@code spring.cloud.gateway.server.webflux.routes}, each to
 * {@code lb://<service>}; the instances of each service are listed under
 * {@code spring.cloud.discovery.client.simple.instances.<service>} (by default the one URI in
 * {@code haven.gateway.services.<name>}) and chosen per request by {@link ServiceInstances}. A service without
 * an instance fails start-up.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ServiceProperties.class)
@LoadBalancerClients(defaultConfiguration = ServiceInstances.class)
public class RoutingConfiguration {

    public static final String CASE_SERVICE = "case-service";
    public static final String ELIGIBILITY_SERVICE = "eligibility-service";
    public static final String NOTIFICATION_SERVICE = "notification-service";
    public static final List<String> SERVICES = List.of(CASE_SERVICE, ELIGIBILITY_SERVICE, NOTIFICATION_SERVICE);

    @Bean
    InitializingBean everyServiceHasAnInstance(ReactiveDiscoveryClient discovery) {
        return () -> {
            for (String service : SERVICES) {
                var instances = discovery.getInstances(service).collectList().block(Duration.ofSeconds(10));
                if (instances == null || instances.isEmpty() || instances.stream().anyMatch(i -> i.getUri() == null)) {
                    throw new IllegalStateException("No instance of " + service + ": set haven.gateway.services."
                            + service.replace("-service", "") + " or spring.cloud.discovery.client.simple.instances."
                            + service + "[0].uri");
                }
            }
        };
    }
}
