package org.haven.gateway.routing;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * The routes are declared in application.yml under {@code spring.cloud.gateway.server.webflux.routes};
 * binding {@link ServiceProperties} here makes a missing or malformed service URI fail start-up.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ServiceProperties.class)
public class RoutingConfiguration {
}
