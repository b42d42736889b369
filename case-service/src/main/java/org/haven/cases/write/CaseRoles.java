package org.haven.cases.write;

import org.haven.support.identity.HavenIdentity;
import org.haven.support.identity.Role;
import org.springframework.security.access.AccessDeniedException;

import java.util.Set;

/** Who may record facts: checked here, in the service, not only at the gateway. */
final class CaseRoles {

    private CaseRoles() {
    }

    static HavenIdentity require(Set<Role> anyOf) {
        HavenIdentity identity = HavenIdentity.current();
        if (anyOf.stream().noneMatch(identity::has)) {
            throw new AccessDeniedException("Requires one of " + anyOf);
        }
        return identity;
    }
}
