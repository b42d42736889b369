package org.haven.gateway.apikeys;

import org.haven.gateway.auth.Caller;
import org.haven.gateway.auth.Role;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Blocking JDBC access to {@code api_key}; callers on the event loop wrap it in {@link ManagedApiKeys}. */
public class ApiKeyRepository {

    private final JdbcClient jdbc;

    public ApiKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @throws DuplicateKeyException when the organization already has a key in use by that name */
    public ApiKeyRecord insert(String organizationId, String name, Set<Role> roles, byte[] keySha256, String createdBy, Instant now) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into api_key (id, organization_id, name, roles, key_sha256, created_at, created_by)
                        values (:id, :org, :name, string_to_array(:roles, ','), :hash, :now, :by)""")
                .param("id", id)
                .param("org", organizationId)
                .param("name", name)
                .param("roles", roles.stream().sorted().map(Role::name).collect(Collectors.joining(",")))
                .param("hash", keySha256)
                .param("now", Timestamp.from(now))
                .param("by", createdBy)
                .update();
        return new ApiKeyRecord(id, name, EnumSet.copyOf(roles), now, createdBy, null, null);
    }

    public Optional<ActiveKey> findActive(byte[] keySha256) {
        return jdbc.sql("select id, organization_id, name, roles from api_key where key_sha256 = :hash and revoked_at is null")
                .param("hash", keySha256)
                .query((rs, row) -> new ActiveKey(rs.getObject("id", UUID.class),
                        Caller.apiKey(rs.getString("name"), rs.getString("organization_id"), roles(rs.getArray("roles")))))
                .optional();
    }

    public List<ApiKeyRecord> list(String organizationId) {
        return jdbc.sql("""
                        select id, name, roles, created_at, created_by, last_used_at, revoked_at
                        from api_key where organization_id = :org order by created_at, id""")
                .param("org", organizationId)
                .query(RECORD)
                .list();
    }

    /** @return false when the organization has no such key; revoking a revoked key again changes nothing */
    public boolean revoke(String organizationId, UUID id, Instant now) {
        int found = jdbc.sql("""
                        update api_key set revoked_at = coalesce(revoked_at, :now)
                        where id = :id and organization_id = :org""")
                .param("now", Timestamp.from(now))
                .param("id", id)
                .param("org", organizationId)
                .update();
        return found > 0;
    }

    public void markUsed(UUID id, Instant now) {
        jdbc.sql("update api_key set last_used_at = :now where id = :id and (last_used_at is null or last_used_at < :now)")
                .param("now", Timestamp.from(now))
                .param("id", id)
                .update();
    }

    public record ActiveKey(UUID id, Caller caller) {
    }

    private static final RowMapper<ApiKeyRecord> RECORD = (rs, row) -> new ApiKeyRecord(
            rs.getObject("id", UUID.class),
            rs.getString("name"),
            roles(rs.getArray("roles")),
            instant(rs, "created_at"),
            rs.getString("created_by"),
            instantOrNull(rs, "last_used_at"),
            instantOrNull(rs, "revoked_at"));

    private static Set<Role> roles(Array array) throws SQLException {
        return Arrays.stream((String[]) array.getArray()).map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }

    private static @org.jspecify.annotations.Nullable Instant instantOrNull(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
