package org.haven.gateway.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the services behind the gateway are checked. Their addresses are the simple discovery client's instances
 * (see {@link RoutingConfiguration}); {@code haven.gateway.services.case}, {@code .eligibility} and
 * {@code .notification} give the first (or only) instance of each.
 *
 * @param healthTimeout how long a service's health check may take before it counts as down
 */
@ConfigurationProperties("haven.gateway.services")
public record ServiceProperties(@DefaultValue("2s") Duration healthTimeout) {
}
