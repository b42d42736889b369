package org.haven.gateway.oidc;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OidcProperties.class)
public class OidcConfiguration {

    @Bean
    OidcCallers oidcCallers(OidcProperties properties) {
        return new OidcCallers(properties);
    }
}
