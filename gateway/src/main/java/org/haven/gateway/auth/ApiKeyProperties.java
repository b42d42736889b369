package org.haven.gateway.auth;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.util.List;
import java.util.Set;

/**
 * API keys known from configuration. Only the SHA-256 of each key is configured, so a leaked config file
 * does not leak the keys. None are configured outside the local profile.
 */
@Validated
@ConfigurationProperties("haven.gateway.auth")
public record ApiKeyProperties(@DefaultValue List<@Valid RegisteredKey> apiKeys) {

    /**
     * @param name   the key's name, which becomes the subject {@code api-key:<name>}; not the key itself
     * @param sha256 lower-case hex SHA-256 of the key's UTF-8 bytes
     */
    public record RegisteredKey(
            @NotBlank String name,
            @NotBlank String organization,
            @NotEmpty Set<Role> roles,
            @NotNull @Pattern(regexp = "[0-9a-f]{64}", message = "must be 64 lower-case hex digits") String sha256) {
    }
}
