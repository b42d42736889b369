package org.haven.gateway.identity;

import org.haven.gateway.auth.Caller;
import org.haven.gateway.auth.Role;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class IdentityTokenSignerTest {

    private Instant now = Instant.parse("2026-11-28T12:00:00Z");
    private final IdentityTokenSigner signer = new IdentityTokenSigner(
            new IdentityTokenProperties("haven-gateway", "haven-services", "local-1",
                    List.of(new IdentityTokenProperties.SigningKey("local-1", IdentityConfiguration.LOCAL_SECRET))),
            new Clock() {
                @Override
                public ZoneId getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return now;
                }
            });

    private final Caller ana = Caller.user("ana", "org-a", Set.of(Role.CASEWORKER));

    @Test
    void aCallerGetsTheSameTokenWithinTheReuseWindowAndANewOneAfter() {
        String first = signer.sign(ana);
        now = now.plus(IdentityTokenSigner.REUSE).minusMillis(1);
        assertThat(signer.sign(ana)).isEqualTo(first);

        now = now.plusMillis(1);
        assertThat(signer.sign(ana)).isNotEqualTo(first);
    }

    @Test
    void anotherRoleSetOrOrganizationIsAnotherToken() {
        String caseworker = signer.sign(ana);

        assertThat(signer.sign(Caller.user("ana", "org-a", Set.of(Role.AUDITOR)))).isNotEqualTo(caseworker);
        assertThat(signer.sign(Caller.user("ana", "org-b", Set.of(Role.CASEWORKER)))).isNotEqualTo(caseworker);
        assertThat(signer.sign(Caller.user("bo", "org-a", Set.of(Role.CASEWORKER)))).isNotEqualTo(caseworker);
    }

    @Test
    void aClockThatWentBackSignsAnew() {
        String first = signer.sign(ana);
        now = now.minus(Duration.ofSeconds(1));

        assertThat(signer.sign(ana)).isNotEqualTo(first);
    }
}
