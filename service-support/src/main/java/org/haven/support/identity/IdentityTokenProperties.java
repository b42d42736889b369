package org.haven.support.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.util.List;

/**
 * The keys that verify the gateway's internal identity tokens. More than one key may be listed so that a
 * new key can be rolled out before the gateway starts signing with it (rotation).
 */
@Validated
@ConfigurationProperties("haven.identity")
public record IdentityTokenProperties(
        @NotBlank String issuer,
        @NotBlank String audience,
        @NotEmpty List<SigningKey> keys) {

    public record SigningKey(@NotBlank String id, @NotBlank @Size(min = 32) String secret) {
    }
}
