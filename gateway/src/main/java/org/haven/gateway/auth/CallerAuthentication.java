package org.haven.gateway.auth;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import reactor.core.publisher.Mono;

/** An authenticated request: its principal is the {@link Caller}, its authorities the caller's roles. */
public final class CallerAuthentication extends AbstractAuthenticationToken {

    private final Caller caller;
    private final AuthenticationMethod method;

    public CallerAuthentication(Caller caller, AuthenticationMethod method) {
        super(caller.roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList());
        this.caller = caller;
        this.method = method;
        setAuthenticated(true);
    }

    /** The caller of the request being handled; empty when it was not authenticated. */
    public static Mono<Caller> current() {
        return currentAuthentication().map(CallerAuthentication::caller);
    }

    /** The authentication of the request being handled; empty when it was not authenticated. */
    public static Mono<CallerAuthentication> currentAuthentication() {
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(context -> context.getAuthentication())
                .ofType(CallerAuthentication.class);
    }

    public Caller caller() {
        return caller;
    }

    public AuthenticationMethod method() {
        return method;
    }

    @Override
    public Caller getPrincipal() {
        return caller;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public String getName() {
        return caller.subject();
    }
}
