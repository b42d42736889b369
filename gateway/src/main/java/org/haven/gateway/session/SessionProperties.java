package org.haven.gateway.session;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import org.haven.gateway.auth.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Browser sessions. {@code users} are the seeded users of the local stack; outside the local profile there
 * are none (people sign in through OIDC) and start-up fails if any are configured.
 *
 * @param failedLogins how many wrong passwords one username may get within a window before further
 *                     attempts are refused with 429 until the window has passed
 */
@Validated
@ConfigurationProperties("haven.gateway.sessions")
public record SessionProperties(
        @DefaultValue List<@Valid LocalUser> users,
        @DefaultValue @Valid FailedLogins failedLogins) {

    /**
     * @param passwordHash in Spring Security's DelegatingPasswordEncoder format, e.g. {@code {bcrypt}$2a$10$…};
     *                     never the password itself
     */
    public record LocalUser(
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]{0,63}") String username,
            @NotBlank String organization,
            @NotEmpty Set<Role> roles,
            @NotBlank @Pattern(regexp = "\\{[a-z0-9_-]+}.+", message = "must be {id}hash, e.g. {bcrypt}$2a$10$...")
            String passwordHash) {
    }

    public record FailedLogins(@DefaultValue("5") @Min(1) int maxAttempts, @DefaultValue("5m") Duration window) {
    }
}
