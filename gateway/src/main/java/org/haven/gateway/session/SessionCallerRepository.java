package org.haven.gateway.session;

import org.haven.gateway.auth.AuthenticationMethod;
import org.haven.gateway.auth.Caller;
import org.haven.gateway.auth.CallerAuthentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * Loads the caller of a signed-in browser session. Only {@code /auth/login} puts a caller into a session
 * ({@link #signIn}); nothing else saves one, so an API key or OIDC request never starts a session.
 */
public final class SessionCallerRepository implements ServerSecurityContextRepository {

    static final String CALLER_ATTRIBUTE = "haven.caller";

    @Override
    public Mono<Void> save(ServerWebExchange exchange, SecurityContext context) {
        return Mono.empty();
    }

    @Override
    public Mono<SecurityContext> load(ServerWebExchange exchange) {
        return exchange.getSession()
                .mapNotNull(session -> session.<Caller>getAttribute(CALLER_ATTRIBUTE))
                .map(caller -> new SecurityContextImpl(new CallerAuthentication(caller, AuthenticationMethod.SESSION)));
    }

    /** A new session id at sign-in, so that an id planted in the browser before it (fixation) is worthless. */
    static Mono<Void> signIn(WebSession session, Caller caller) {
        return session.changeSessionId().then(Mono.fromRunnable(() -> {
            session.getAttributes().put(CALLER_ATTRIBUTE, caller);
            session.start();
        }));
    }
}
