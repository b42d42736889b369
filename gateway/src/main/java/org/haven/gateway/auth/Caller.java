package org.haven.gateway.auth;

import java.util.Set;

/**
 * Who is calling, as the gateway established it: the organization, the subject ({@code api-key:<name>} or
 * {@code user:<username>}) and the roles. This is what the services receive, signed.
 */
public record Caller(String organizationId, String subject, Set<Role> roles) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public static Caller apiKey(String keyName, String organizationId, Set<Role> roles) {
        return new Caller(organizationId, "api-key:" + keyName, roles);
    }

    public static Caller user(String username, String organizationId, Set<Role> roles) {
        return new Caller(organizationId, "user:" + username, roles);
    }

    /** The subject without its kind: the username of a user, the name of an API key. */
    public String name() {
        int colon = subject.indexOf(':');
        return colon < 0 ? subject : subject.substring(colon + 1);
    }
}
