package org.haven.gateway.oidc;

import org.haven.gateway.auth.AuthenticationMethod;
import org.haven.gateway.auth.Caller;
import org.haven.gateway.auth.CallerAuthentication;
import org.haven.gateway.auth.Role;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.oauth2.jwt.Jwt;
import reactor.core.publisher.Mono;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a verified provider token into a {@link Caller}. A token without an organization or a username is
 * refused (401): the provider vouches for the person, but Haven cannot tell whose cases they may see.
 */
public final class OidcCallers implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

    private final OidcProperties claims;

    public OidcCallers(OidcProperties claims) {
        this.claims = claims;
    }

    @Override
    public Mono<AbstractAuthenticationToken> convert(Jwt jwt) {
        return Mono.fromCallable(() -> new CallerAuthentication(caller(jwt), AuthenticationMethod.OIDC));
    }

    Caller caller(Jwt jwt) {
        String organization = stringClaim(jwt, claims.organizationClaim());
        String username = stringClaim(jwt, claims.usernameClaim());
        return Caller.user(username, organization, roles(jwt.getClaims().get(claims.rolesClaim())));
    }

    private static String stringClaim(Jwt jwt, String name) {
        if (!(jwt.getClaims().get(name) instanceof String value) || value.isBlank()) {
            throw new BadCredentialsException("The token has no '%s' claim".formatted(name));
        }
        return value;
    }

    private static Set<Role> roles(Object claim) {
        Collection<?> values = claim instanceof Collection<?> list ? list : claim instanceof String one ? List.of(one) : List.of();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Object value : values) {
            for (Role role : Role.values()) {
                if (role.name().equals(value)) {
                    roles.add(role);
                }
            }
        }
        return roles;
    }
}
