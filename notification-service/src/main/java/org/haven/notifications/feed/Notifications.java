package org.haven.notifications.feed;

import org.haven.events.CaseEventEnvelope;
import org.haven.notifications.policy.Fact;
import org.haven.notifications.policy.Notice;
import org.haven.notifications.policy.NotificationKind;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The {@code notification} and {@code notification_read} tables. Every read is scoped to one organization. */
@Repository
public class Notifications {

    /**
     * PostgreSQL channel on which every instance hears of new notifications, after their transaction commits.
     * Payload: {@code <organization id> <notification id>} — ids only, like everything on the channel.
     */
    static final String SIGNAL_CHANNEL = "haven_notification_feed";

    private static final TypeReference<Map<String, String>> FACTS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Notifications(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Writes the notification of an event and signals it to every instance's stream; the signal is delivered
     * only if and when this transaction commits. Empty if the event already has its notification — the
     * consumer's dedupe record normally sees to that first, but the log does not rely on it alone.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<UUID> add(CaseEventEnvelope<?> event, Notice notice, @Nullable String recipient,
                              @Nullable String clientLanguage) {
        Optional<UUID> added = jdbc.sql("""
                        insert into notification (id, organization_id, case_id, event_id, event_type, kind, message_key,
                                                  next_step_key, rule_id, citation, recipient, client_language, facts,
                                                  created_at)
                        values (:id, :organizationId, :caseId, :eventId, :eventType, :kind, :messageKey,
                                :nextStepKey, :ruleId, :citation, :recipient, :clientLanguage, cast(:facts as jsonb),
                                now())
                        on conflict (event_id) do nothing
                        returning id""")
                .param("id", UUID.randomUUID())
                .param("organizationId", event.organizationId())
                .param("caseId", event.caseId())
                .param("eventId", event.eventId())
                .param("eventType", notice.eventType())
                .param("kind", notice.kind().name())
                .param("messageKey", notice.messageKey())
                .param("nextStepKey", notice.nextStepKey())
                .param("ruleId", notice.ruleId())
                .param("citation", notice.citation())
                .param("recipient", recipient)
                .param("clientLanguage", clientLanguage)
                .param("facts", json.writeValueAsString(byPlaceholder(notice.facts())))
                .query(UUID.class)
                .optional();
        added.ifPresent(id -> jdbc.sql("select pg_notify(:channel, :payload)")
                .param("channel", SIGNAL_CHANNEL)
                .param("payload", event.organizationId() + " " + id)
                .query((rs, row) -> 1).list());
        return added;
    }

    public Optional<StoredNotification> find(UUID id) {
        return jdbc.sql(SELECT + " where n.id = :id").param("id", id).query(this::row).optional();
    }

    /** Newest first. {@code unread} null means read and unread alike; {@code addressedTo} null means everyone's. */
    List<Entry> ofOrganization(String organizationId, String reader, @Nullable UUID caseId, @Nullable Boolean unread,
                               @Nullable String addressedTo, int limit) {
        StringBuilder sql = new StringBuilder(SELECT_WITH_READ).append(" where n.organization_id = :organizationId");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("organizationId", organizationId);
        params.put("reader", reader);
        if (caseId != null) {
            sql.append(" and n.case_id = :caseId");
            params.put("caseId", caseId);
        }
        if (addressedTo != null) {
            sql.append(" and n.recipient = :addressedTo");
            params.put("addressedTo", addressedTo);
        }
        if (unread != null) {
            sql.append(unread ? " and r.read_at is null" : " and r.read_at is not null");
        }
        sql.append(" order by n.created_at desc, n.id desc limit :limit");
        params.put("limit", limit);
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, row) -> new Entry(this.row(rs, row), rs.getBoolean("is_read")))
                .list();
    }

    boolean isRead(UUID id, String reader) {
        return jdbc.sql("select exists (select 1 from notification_read where notification_id = :id and user_id = :reader)")
                .param("id", id).param("reader", reader).query(Boolean.class).single();
    }

    /** False when the organization has no such notification. */
    @Transactional
    boolean markRead(String organizationId, UUID id, String reader) {
        return jdbc.sql("""
                        insert into notification_read (notification_id, user_id, read_at)
                        select id, :reader, now() from notification where id = :id and organization_id = :organizationId
                        on conflict (notification_id, user_id) do nothing""")
                .param("reader", reader).param("id", id).param("organizationId", organizationId)
                .update() == 1
                || jdbc.sql("select exists (select 1 from notification where id = :id and organization_id = :organizationId)")
                .param("id", id).param("organizationId", organizationId).query(Boolean.class).single();
    }

    record Entry(StoredNotification notification, boolean read) {
    }

    private static Map<String, String> byPlaceholder(Map<Fact, String> facts) {
        Map<String, String> named = new LinkedHashMap<>();
        facts.forEach((fact, value) -> named.put(fact.placeholder(), value));
        return named;
    }

    private StoredNotification row(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        Map<Fact, String> facts = new EnumMap<>(Fact.class);
        json.readValue(rs.getString("facts"), FACTS).forEach((name, value) ->
                Fact.byPlaceholder(name).ifPresent(fact -> facts.put(fact, value)));
        Notice notice = new Notice(rs.getString("event_type"), NotificationKind.valueOf(rs.getString("kind")),
                rs.getString("message_key"), rs.getString("next_step_key"), rs.getString("rule_id"),
                rs.getString("citation"), facts);
        return new StoredNotification(rs.getObject("id", UUID.class), rs.getString("organization_id"),
                rs.getObject("case_id", UUID.class), rs.getObject("event_id", UUID.class), notice,
                rs.getString("recipient"), rs.getString("client_language"), rs.getTimestamp("created_at").toInstant());
    }

    private static final String COLUMNS = """
            select n.id, n.organization_id, n.case_id, n.event_id, n.event_type, n.kind, n.message_key,
                   n.next_step_key, n.rule_id, n.citation, n.recipient, n.client_language, n.facts::text as facts,
                   n.created_at""";

    private static final String SELECT = COLUMNS + " from notification n";

    private static final String SELECT_WITH_READ = COLUMNS + """
            , r.read_at is not null as is_read
              from notification n
              left join notification_read r on r.notification_id = n.id and r.user_id = :reader""";

}
