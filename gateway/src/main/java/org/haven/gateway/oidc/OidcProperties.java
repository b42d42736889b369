package org.haven.gateway.oidc;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Which claims of the provider's token say who the person is. The provider itself (issuer, JWK set, accepted
 * audiences and algorithms) is Spring Boot's {@code spring.security.oauth2.resourceserver.jwt.*}; with neither
 * {@code issuer-uri} nor {@code jwk-set-uri} set, bearer tokens are not accepted at all.
 *
 * @param organizationClaim a string claim: the Haven organization id
 * @param rolesClaim        a list of strings (or one string) with Haven role names; other values are ignored
 * @param usernameClaim     becomes the subject {@code user:<value>} the services record as the actor
 */
@Validated
@ConfigurationProperties("haven.gateway.oidc")
public record OidcProperties(
        @DefaultValue("haven_org") @NotBlank String organizationClaim,
        @DefaultValue("haven_roles") @NotBlank String rolesClaim,
        @DefaultValue("sub") @NotBlank String usernameClaim) {
}
