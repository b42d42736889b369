package org.haven.gateway.identity;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class LocalIdentitySecretGuardTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(IdentityConfiguration.class)
            .withPropertyValues(
                    "haven.identity.issuer=haven-gateway",
                    "haven.identity.audience=haven-services",
                    "haven.identity.signing-key-id=k1",
                    "haven.identity.keys[0].id=k1");

    @Test
    void publishedLocalSecretOutsideTheLocalProfileFailsStartUp() {
        context.withPropertyValues("spring.profiles.active=prod",
                        "haven.identity.keys[0].secret=" + IdentityConfiguration.LOCAL_SECRET)
                .run(started -> {
                    assertThat(started).hasFailed();
                    assertThat(started.getStartupFailure()).rootCause()
                            .hasMessageContaining("published local development secret");
                });
    }

    @Test
    void ownSecretOutsideTheLocalProfileStarts() {
        context.withPropertyValues("spring.profiles.active=prod",
                        "haven.identity.keys[0].secret=an-own-secret-of-at-least-thirty-two-chars")
                .run(started -> assertThat(started).hasNotFailed().hasSingleBean(IdentityTokenSigner.class));
    }

    @Test
    void signingKeyIdThatIsNotAmongTheKeysFailsStartUp() {
        context.withPropertyValues("haven.identity.signing-key-id=k2",
                        "haven.identity.keys[0].secret=an-own-secret-of-at-least-thirty-two-chars")
                .run(started -> assertThat(started.getStartupFailure()).rootCause()
                        .hasMessageContaining("signing-key-id 'k2'"));
    }

    @Test
    void secretShorterThan256BitsFailsStartUp() {
        context.withPropertyValues("haven.identity.keys[0].secret=too-short")
                .run(started -> assertThat(started).hasFailed());
    }
}
