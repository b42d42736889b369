package org.haven.notifications.feed;

import org.haven.events.CaseEventEnvelope;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The {@code notification} and {@code notification_delivery} tables. Every read is scoped to one organization. */
@Repository
class Notifications {

    private final JdbcClient jdbc;

    Notifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A notification that is in the feed as soon as it is written: its in-app delivery is done at once. */
    void addDeliveredInApp(CaseEventEnvelope<?> event, NotificationKind kind, FeedMessage message) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into notification (id, organization_id, case_id, event_id, event_type, kind,
                                                  message_key, message, created_at, read_at)
                        values (:id, :organizationId, :caseId, :eventId, :eventType, :kind,
                                :messageKey, :message, now(), null)""")
                .param("id", id)
                .param("organizationId", event.organizationId())
                .param("caseId", event.caseId())
                .param("eventId", event.eventId())
                .param("eventType", event.type())
                .param("kind", kind.name())
                .param("messageKey", message.key())
                .param("message", message.english())
                .update();
        jdbc.sql("""
                        insert into notification_delivery (id, notification_id, channel, status, attempts, updated_at)
                        values (:id, :notificationId, :channel, :status, 1, now())""")
                .param("id", UUID.randomUUID())
                .param("notificationId", id)
                .param("channel", Channel.IN_APP.name())
                .param("status", DeliveryStatus.DELIVERED.name())
                .update();
    }

    /** Newest first, with each notification's deliveries. */
    List<NotificationView> ofOrganization(String organizationId, @Nullable UUID caseId) {
        String sql = """
                select n.id, n.case_id, n.event_id, n.event_type, n.kind, n.message, n.created_at, n.read_at,
                       d.channel, d.status, d.attempts
                  from notification n
                  left join notification_delivery d on d.notification_id = n.id
                 where n.organization_id = :organizationId
                """ + (caseId == null ? "" : "   and n.case_id = :caseId\n") + """
                 order by n.created_at desc, n.id, d.channel
                """;
        JdbcClient.StatementSpec statement = jdbc.sql(sql).param("organizationId", organizationId);
        if (caseId != null) {
            statement = statement.param("caseId", caseId);
        }
        Map<UUID, Row> rows = new LinkedHashMap<>();
        statement.query(rs -> {
            UUID id = rs.getObject("id", UUID.class);
            Row row = rows.computeIfAbsent(id, key -> Row.of(rs));
            String channel = rs.getString("channel");
            if (channel != null) {
                row.deliveries.add(new NotificationView.DeliveryView(Channel.valueOf(channel),
                        DeliveryStatus.valueOf(rs.getString("status")), rs.getInt("attempts")));
            }
        });
        return rows.values().stream().map(Row::view).toList();
    }

    private record Row(UUID id, UUID caseId, UUID eventId, String eventType, NotificationKind kind, String message,
                       OffsetDateTime createdAt, boolean read, List<NotificationView.DeliveryView> deliveries) {

        static Row of(ResultSet rs) {
            try {
                return new Row(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
                        rs.getObject("event_id", UUID.class), rs.getString("event_type"),
                        NotificationKind.valueOf(rs.getString("kind")), rs.getString("message"),
                        rs.getObject("created_at", OffsetDateTime.class), rs.getObject("read_at") != null,
                        new ArrayList<>());
            } catch (SQLException e) {
                throw new IllegalStateException("Unreadable notification row", e);
            }
        }

        NotificationView view() {
            return new NotificationView(id, caseId, eventId, eventType, kind, message, createdAt.toInstant(), read,
                    List.copyOf(deliveries));
        }
    }
}
