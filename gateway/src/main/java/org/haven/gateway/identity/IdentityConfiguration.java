package org.haven.gateway.identity;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentityTokenProperties.class)
public class IdentityConfiguration {

    /** Published in every service's application-local.yml: signing with it anywhere else lets anyone forge identities. */
    static final String LOCAL_SECRET = "local-dev-identity-secret-not-for-production-0001";

    @Bean
    IdentityTokenSigner identityTokenSigner(IdentityTokenProperties properties, Environment environment) {
        if (!environment.acceptsProfiles(Profiles.of("local"))
                && properties.signingKey().secret().equals(LOCAL_SECRET)) {
            throw new IllegalStateException("haven.identity key '%s' is the published local development secret, "
                    .formatted(properties.signingKeyId())
                    + "which is accepted only with the 'local' profile active. Configure a secret of your own.");
        }
        return new IdentityTokenSigner(properties, Clock.systemUTC());
    }

    @Bean
    IdentityRelayFilter identityRelayFilter(IdentityTokenSigner signer) {
        return new IdentityRelayFilter(signer);
    }
}
