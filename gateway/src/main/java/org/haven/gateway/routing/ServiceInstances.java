package org.haven.gateway.routing;

import io.netty.channel.ChannelOption;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ReactorLoadBalancer;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

import java.time.Duration;

/**
 * Spring Cloud LoadBalancer's configuration for each service behind the gateway, in the service's own child
 * context (hence no {@code @Configuration}: component scanning must not put these beans in the main context).
 * Instances come from the simple discovery client ({@code spring.cloud.discovery.client.simple.instances}),
 * are health-checked on {@code /actuator/health} every {@code spring.cloud.loadbalancer.health-check.interval},
 * and one is chosen by {@link CaseAffinityLoadBalancer}.
 */
class ServiceInstances {

    /** An instance slower than this to answer its health check is left out until the next round. */
    private static final Duration HEALTH_CHECK_TIMEOUT = Duration.ofSeconds(2);

    @Bean
    ServiceInstanceListSupplier serviceInstanceListSupplier(ConfigurableApplicationContext context) {
        ServiceInstanceListSupplier configured = ServiceInstanceListSupplier.builder().withDiscoveryClient().build(context);
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) HEALTH_CHECK_TIMEOUT.toMillis())
                .responseTimeout(HEALTH_CHECK_TIMEOUT);
        WebClient checks = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
        ServiceInstanceListSupplier healthy = ServiceInstanceListSupplier.builder().withBase(configured)
                .withHealthChecks(checks).build(context);
        return new HealthyOrAllInstances(healthy, configured);
    }

    @Bean
    ReactorLoadBalancer<ServiceInstance> caseAffinityLoadBalancer(ServiceInstanceListSupplier instances) {
        return new CaseAffinityLoadBalancer(instances);
    }
}
