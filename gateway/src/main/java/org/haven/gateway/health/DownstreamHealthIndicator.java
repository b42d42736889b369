package org.haven.gateway.health;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Duration;

/**
 * A service is up for the gateway only when its own {@code /actuator/health} answers UP within the timeout;
 * a refused connection, a slow answer or any other status counts as down.
 */
final class DownstreamHealthIndicator implements ReactiveHealthIndicator {

    private final WebClient client;
    private final URI healthUri;
    private final Duration timeout;

    DownstreamHealthIndicator(WebClient client, URI serviceUri, Duration timeout) {
        this.client = client;
        this.healthUri = UriComponentsBuilder.fromUri(serviceUri).path("/actuator/health").build().toUri();
        this.timeout = timeout;
    }

    @Override
    public Mono<Health> health() {
        return client.get().uri(healthUri)
                .exchangeToMono(response -> response.statusCode().is2xxSuccessful()
                        ? response.bodyToMono(ServiceHealth.class).map(ServiceHealth::statusOrUnknown).defaultIfEmpty("UNKNOWN")
                        : response.releaseBody().thenReturn("HTTP " + response.statusCode().value()))
                .timeout(timeout)
                .map(status -> "UP".equals(status)
                        ? Health.up().build()
                        : Health.down().withDetail("status", status).build())
                .onErrorResume(e -> Mono.just(Health.down().withDetail("error", e.getClass().getSimpleName()).build()));
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ServiceHealth(@Nullable String status) {
        String statusOrUnknown() {
            return status != null ? status : "UNKNOWN";
        }
    }
}
