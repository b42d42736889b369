package org.haven.gateway.session;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SessionProperties.class)
public class SessionConfiguration {

    @Bean
    LocalUsers localUsers(SessionProperties properties, Environment environment) {
        return new LocalUsers(properties.users(), PasswordEncoderFactories.createDelegatingPasswordEncoder(),
                environment.acceptsProfiles(Profiles.of("local")));
    }

    @Bean
    LoginThrottle loginThrottle(SessionProperties properties) {
        return new LoginThrottle(properties.failedLogins().maxAttempts(), properties.failedLogins().window(), Clock.systemUTC());
    }
}
