package org.haven.support.identity;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is calling: the organization, the subject (a user or an API key) and its roles, as the gateway
 * signed them into the internal identity token. Every read and write is scoped by {@link #organizationId()}.
 */
public record HavenIdentity(String organizationId, String subject, Set<Role> roles) {

    public static final String ORGANIZATION_CLAIM = "org";
    public static final String ROLES_CLAIM = "roles";

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** The identity of the request being handled; fails when there is none (the filter chain prevents that). */
    public static HavenIdentity current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            return fromToken(token.getToken());
        }
        throw new IllegalStateException("No Haven identity on this request");
    }

    static HavenIdentity fromToken(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList(ROLES_CLAIM);
        return new HavenIdentity(
                jwt.getClaimAsString(ORGANIZATION_CLAIM),
                jwt.getSubject(),
                roles == null ? Set.of() : roles.stream().map(Role::valueOf).collect(Collectors.toUnmodifiableSet()));
    }
}
