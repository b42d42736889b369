package org.haven.gateway.auth;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiKeyProperties.class)
public class ApiKeyStoreConfiguration {

    @Bean
    @Order(1)
    ApiKeyStore configuredApiKeys(ApiKeyProperties properties, Environment environment) {
        return new ConfiguredApiKeys(properties.apiKeys(), environment.acceptsProfiles(Profiles.of("local")));
    }
}
