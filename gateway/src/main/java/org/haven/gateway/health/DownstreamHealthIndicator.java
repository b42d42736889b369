package org.haven.gateway.health;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.ReactiveDiscoveryClient;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * A service is up for the gateway when at least one of its instances' own {@code /actuator/health} answers UP
 * within the timeout (the gateway sends requests to the instances that are); a refused connection, a slow
 * answer or any other status counts as down.
 */
final class DownstreamHealthIndicator implements ReactiveHealthIndicator {

    private final WebClient client;
    private final ReactiveDiscoveryClient discovery;
    private final String service;
    private final Duration timeout;

    DownstreamHealthIndicator(WebClient client, ReactiveDiscoveryClient discovery, String service, Duration timeout) {
        this.client = client;
        this.discovery = discovery;
        this.service = service;
        this.timeout = timeout;
    }

    @Override
    public Mono<Health> health() {
        return discovery.getInstances(service)
                .flatMap(this::status)
                .collectList()
                .map(statuses -> statuses.contains("UP")
                        ? Health.up().build()
                        : Health.down().withDetail("status", statuses.isEmpty() ? "no instance" : String.join(", ", statuses)).build());
    }

    private Mono<String> status(ServiceInstance instance) {
        var healthUri = UriComponentsBuilder.fromUri(instance.getUri()).path("/actuator/health").build().toUri();
        return client.get().uri(healthUri)
                .exchangeToMono(response -> response.statusCode().is2xxSuccessful()
                        ? response.bodyToMono(ServiceHealth.class).map(ServiceHealth::statusOrUnknown).defaultIfEmpty("UNKNOWN")
                        : response.releaseBody().thenReturn("HTTP " + response.statusCode().value()))
                .timeout(timeout)
                .onErrorResume(e -> Mono.just(e.getClass().getSimpleName()));
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ServiceHealth(@Nullable String status) {
        String statusOrUnknown() {
            return status != null ? status : "UNKNOWN";
        }
    }
}
