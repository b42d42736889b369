package org.haven.notifications.webhooks;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code webhook_subscription} table. The secret is stored as issued because signing needs it (HMAC is
 * symmetric); it never leaves this service except in the one answer that creates it.
 */
@Repository
class WebhookSubscriptions {

    private final JdbcClient jdbc;

    WebhookSubscriptions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    WebhookSubscription add(String organizationId, String url, List<String> eventTypes, String secret) {
        return jdbc.sql("""
                        insert into webhook_subscription (id, organization_id, url, event_types, secret, created_at)
                        values (:id, :organizationId, :url, :eventTypes, :secret, now())
                        returning id, organization_id, url, event_types, secret, created_at""")
                .param("id", UUID.randomUUID())
                .param("organizationId", organizationId)
                .param("url", url)
                .param("eventTypes", eventTypes.toArray(String[]::new))
                .param("secret", secret)
                .query(ROW)
                .single();
    }

    List<WebhookSubscription> ofOrganization(String organizationId) {
        return jdbc.sql(SELECT + " where organization_id = :organizationId order by created_at, id")
                .param("organizationId", organizationId)
                .query(ROW)
                .list();
    }

    Optional<WebhookSubscription> find(String organizationId, UUID id) {
        return jdbc.sql(SELECT + " where organization_id = :organizationId and id = :id")
                .param("organizationId", organizationId)
                .param("id", id)
                .query(ROW)
                .optional();
    }

    /** The organization's subscriptions to this event type. */
    List<WebhookSubscription> matching(String organizationId, String eventType) {
        return jdbc.sql(SELECT + " where organization_id = :organizationId and :eventType = any(event_types) order by id")
                .param("organizationId", organizationId)
                .param("eventType", eventType)
                .query(ROW)
                .list();
    }

    boolean remove(String organizationId, UUID id) {
        return jdbc.sql("delete from webhook_subscription where organization_id = :organizationId and id = :id")
                .param("organizationId", organizationId)
                .param("id", id)
                .update() == 1;
    }

    private static final String SELECT = "select id, organization_id, url, event_types, secret, created_at from webhook_subscription";

    private static final RowMapper<WebhookSubscription> ROW = (rs, row) -> new WebhookSubscription(
            rs.getObject("id", UUID.class), rs.getString("organization_id"), rs.getString("url"),
            strings(rs.getArray("event_types")), rs.getString("secret"), rs.getTimestamp("created_at").toInstant());

    private static List<String> strings(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }
}
