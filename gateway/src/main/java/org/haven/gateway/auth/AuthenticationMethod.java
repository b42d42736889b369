package org.haven.gateway.auth;

/**
 * How a request proved who it is. A login session is the one method a browser attaches by itself (the
 * cookie), so only requests authenticated that way need the cross-site request forgery check.
 */
public enum AuthenticationMethod {
    API_KEY, OIDC, SESSION
}
