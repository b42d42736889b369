package org.haven.gateway.identity;

import org.haven.gateway.auth.Caller;
import org.haven.gateway.auth.Role;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Internal identity tokens signed with the local profile's key, as the gateway would sign them. */
public final class IdentityTokens {

    private IdentityTokens() {
    }

    public static String localToken(String organization, String subject, List<String> roles) {
        IdentityTokenProperties properties = new IdentityTokenProperties("haven-gateway", "haven-services", "local-1",
                List.of(new IdentityTokenProperties.SigningKey("local-1", IdentityConfiguration.LOCAL_SECRET)));
        Set<Role> roleSet = roles.stream().map(Role::valueOf).collect(Collectors.toSet());
        return new IdentityTokenSigner(properties, Clock.systemUTC()).sign(new Caller(organization, subject, roleSet));
    }
}
