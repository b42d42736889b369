package org.haven.gateway.session;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class LocalUsersGuardTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(SessionConfiguration.class)
            .withPropertyValues(
                    "haven.gateway.sessions.users[0].username=caseworker-a",
                    "haven.gateway.sessions.users[0].organization=org-a",
                    "haven.gateway.sessions.users[0].roles=CASEWORKER",
                    "haven.gateway.sessions.users[0].password-hash={noop}haven-local");

    @Test
    void seededUsersOutsideTheLocalProfileFailStartUp() {
        context.withPropertyValues("spring.profiles.active=prod").run(started -> {
            assertThat(started).hasFailed();
            assertThat(started.getStartupFailure()).rootCause()
                    .hasMessageContaining("exist only in the 'local' profile");
        });
    }

    @Test
    void seededUsersInTheLocalProfileStart() {
        context.withPropertyValues("spring.profiles.active=local")
                .run(started -> assertThat(started).hasNotFailed().hasSingleBean(LocalUsers.class));
    }

    @Test
    void plainPasswordInsteadOfAHashFailsStartUp() {
        context.withPropertyValues("spring.profiles.active=local", "haven.gateway.sessions.users[0].password-hash=haven-local")
                .run(started -> assertThat(started).hasFailed());
    }
}
