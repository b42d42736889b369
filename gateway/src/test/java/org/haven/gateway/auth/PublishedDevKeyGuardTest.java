package org.haven.gateway.auth;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class PublishedDevKeyGuardTest {

    private static final String DEV_KEY_HASH = "d6779f6a4a92a031b850608ae217235614d2bd817a9cd7b76b54fbf3fd964cf9";

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(ApiKeyStoreConfiguration.class)
            .withPropertyValues(
                    "haven.gateway.auth.api-keys[0].name=leaked",
                    "haven.gateway.auth.api-keys[0].organization=org-a",
                    "haven.gateway.auth.api-keys[0].roles=CASEWORKER",
                    "haven.gateway.auth.api-keys[0].sha256=" + DEV_KEY_HASH);

    @Test
    void publishedDevKeyOutsideTheLocalProfileFailsStartUp() {
        context.withPropertyValues("spring.profiles.active=prod").run(started -> {
            assertThat(started).hasFailed();
            assertThat(started.getStartupFailure()).rootCause()
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("API key 'leaked'")
                    .hasMessageContaining("published local development keys")
                    .hasMessageContaining("'local' profile");
        });
    }

    @Test
    void publishedDevKeyInTheLocalProfileIsAccepted() {
        context.withPropertyValues("spring.profiles.active=local").run(started ->
                assertThat(started).hasNotFailed().hasSingleBean(ApiKeyStore.class));
    }

    @Test
    void keyWhoseHashIsNotHexFailsStartUp() {
        context.withPropertyValues("spring.profiles.active=local", "haven.gateway.auth.api-keys[0].sha256=hvn_plain_key")
                .run(started -> assertThat(started).hasFailed());
    }
}
