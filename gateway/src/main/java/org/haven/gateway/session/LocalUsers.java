package org.haven.gateway.session;

import org.haven.gateway.auth.Caller;
import org.haven.gateway.session.SessionProperties.LocalUser;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The seeded users of the local stack, checked against their password hashes. Password hashing is slow on
 * purpose, so {@link #authenticate} blocks and must run off the event loop.
 */
public final class LocalUsers {

    private final Map<String, LocalUser> users;
    private final PasswordEncoder passwords;
    /** Checked when the username is unknown, so that a wrong username takes as long as a wrong password. */
    private final String decoyHash;

    public LocalUsers(List<LocalUser> users, PasswordEncoder passwords, boolean localProfile) {
        if (!localProfile && !users.isEmpty()) {
            throw new IllegalStateException("haven.gateway.sessions.users lists %d seeded users, which exist only in the "
                    .formatted(users.size()) + "'local' profile; elsewhere people sign in through OIDC. Remove them, or "
                    + "run with --spring.profiles.active=local.");
        }
        this.users = users.stream().collect(Collectors.toUnmodifiableMap(LocalUser::username, Function.identity()));
        this.passwords = passwords;
        this.decoyHash = passwords.encode(UUID.randomUUID().toString());
    }

    /** Blocking. @return the caller when the username exists and the password matches its hash */
    public Optional<Caller> authenticate(String username, String password) {
        LocalUser user = users.get(username);
        boolean matches = passwords.matches(password, user != null ? user.passwordHash() : decoyHash);
        return user != null && matches
                ? Optional.of(Caller.user(user.username(), user.organization(), user.roles()))
                : Optional.empty();
    }
}
