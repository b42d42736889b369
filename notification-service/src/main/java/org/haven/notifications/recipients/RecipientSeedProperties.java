package org.haven.notifications.recipients;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.util.List;

/**
 * Recipients written into the {@code recipient} table at start-up ({@code haven.notifications.recipients.seed}).
 * Only the local profile lists any: the dev organizations' users. Elsewhere recipients come from the
 * organization's directory (not built yet).
 */
@Validated
@ConfigurationProperties("haven.notifications.recipients")
public record RecipientSeedProperties(List<@Valid Seed> seed) {

    public RecipientSeedProperties {
        seed = seed == null ? List.of() : List.copyOf(seed);
    }

    public record Seed(@NotBlank String organizationId, @NotBlank String userId, @NotBlank @Email String email,
                       @Pattern(regexp = "en|es") String language) {
    }
}
