package org.haven.gateway.routing;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.time.Duration;

/**
 * Base URIs of the services behind the gateway. The routes in application.yml refer to these properties,
 * and the health check polls each service at its base URI.
 *
 * @param healthTimeout how long a service's health check may take before it counts as down
 */
@Validated
@ConfigurationProperties("haven.gateway.services")
public record ServiceProperties(
        @NotNull @Name("case") URI caseService,
        @NotNull URI eligibility,
        @NotNull URI notification,
        @DefaultValue("2s") Duration healthTimeout) {
}
