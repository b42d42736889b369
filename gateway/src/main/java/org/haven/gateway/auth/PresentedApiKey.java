package org.haven.gateway.auth;

import org.springframework.security.authentication.AbstractAuthenticationToken;

import java.util.List;

/** An API key as the client sent it, before the store has recognised it. */
final class PresentedApiKey extends AbstractAuthenticationToken {

    private final String key;

    PresentedApiKey(String key) {
        super(List.of());
        this.key = key;
    }

    @Override
    public Object getCredentials() {
        return key;
    }

    @Override
    public Object getPrincipal() {
        return "api-key";
    }
}
