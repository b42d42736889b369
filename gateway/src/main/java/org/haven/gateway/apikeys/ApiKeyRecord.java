package org.haven.gateway.apikeys;

import org.haven.gateway.auth.Role;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** One stored key, without its secret; this is also what the list endpoint answers. */
public record ApiKeyRecord(
        UUID id,
        String name,
        Set<Role> roles,
        Instant createdAt,
        String createdBy,
        @Nullable Instant lastUsedAt,
        @Nullable Instant revokedAt) {
}
