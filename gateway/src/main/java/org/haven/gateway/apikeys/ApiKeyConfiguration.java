package org.haven.gateway.apikeys;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
public class ApiKeyConfiguration {

    @Bean
    ApiKeyRepository apiKeyRepository(JdbcClient jdbc) {
        return new ApiKeyRepository(jdbc);
    }

    /** Asked after the configured keys of the local profile, which need no database round trip. */
    @Bean
    @Order(2)
    ManagedApiKeys managedApiKeys(ApiKeyRepository repository) {
        // JDBC blocks; bounded elastic is Reactor's pool for blocking calls, capped at 10 threads per core.
        return new ManagedApiKeys(repository, Schedulers.boundedElastic(), Clock.systemUTC());
    }
}
