package org.haven.gateway.identity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.util.List;

/**
 * How the gateway signs the identity token it forwards (internal-contracts.md). {@code keys} has the same
 * shape as the services' {@code haven.identity.keys}; {@code signingKeyId} picks the one to sign with, so a
 * new key can be listed everywhere first and switched to afterwards.
 */
@Validated
@ConfigurationProperties("haven.identity")
public record IdentityTokenProperties(
        @NotBlank String issuer,
        @NotBlank String audience,
        @NotBlank String signingKeyId,
        @NotEmpty List<@Valid SigningKey> keys) {

    /** HS256 needs a secret of at least 256 bits. */
    public record SigningKey(@NotBlank String id, @NotBlank @Size(min = 32) String secret) {
    }

    SigningKey signingKey() {
        return keys.stream()
                .filter(key -> key.id().equals(signingKeyId))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "haven.identity.signing-key-id '%s' is not the id of any haven.identity.keys entry".formatted(signingKeyId)));
    }
}
