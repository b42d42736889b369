package org.haven.notifications.delivery;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code notification_delivery} table: the outbox of every channel.
 *
 * <p>Rows are written in the transaction that consumes the event and claims its id, keyed uniquely by
 * (event id, channel, recipient), so a redelivered event can add none twice. Senders then claim due rows with
 * {@code for update skip locked} — two instances never claim the same row at once — and a claim is a lease:
 * the row's {@code next_attempt_at} moves past the send, so a sender that dies mid-send leaves the row to be
 * claimed again once the lease ends. Each claim increments {@code attempts}, and an outcome is recorded only
 * by the holder of that attempt.
 */
@Repository
public class DeliveryLog {

    private static final Logger log = LoggerFactory.getLogger(DeliveryLog.class);

    private final JdbcClient jdbc;
    private final DeliveryProperties properties;
    private final ApplicationEventPublisher events;

    DeliveryLog(JdbcClient jdbc, DeliveryProperties properties, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.events = events;
    }

    /** A delivery done by writing it, as the in-app feed's is. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void addDelivered(UUID notificationId, String organizationId, UUID eventId, Channel channel, String recipient) {
        jdbc.sql("""
                        insert into notification_delivery (id, notification_id, organization_id, event_id, channel,
                                                           recipient, message_id, status, attempts, created_at,
                                                           updated_at, delivered_at)
                        values (:id, :notificationId, :organizationId, :eventId, :channel, :recipient, :messageId,
                                'DELIVERED', 1, now(), now(), now())
                        on conflict (event_id, channel, recipient) do nothing""")
                .param("id", UUID.randomUUID())
                .param("notificationId", notificationId)
                .param("organizationId", organizationId)
                .param("eventId", eventId)
                .param("channel", channel.name())
                .param("recipient", recipient)
                .param("messageId", notificationId.toString())
                .update();
    }

    /** A delivery for a sender to make, due at once. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void addPending(UUID notificationId, String organizationId, UUID eventId, PendingDelivery delivery) {
        int added = jdbc.sql("""
                        insert into notification_delivery (id, notification_id, organization_id, event_id, channel,
                                                           recipient, message_id, payload, status, attempts, created_at,
                                                           updated_at, next_attempt_at, give_up_at)
                        values (:id, :notificationId, :organizationId, :eventId, :channel, :recipient, :messageId,
                                :payload, 'PENDING', 0, now(), now(), now(), now() + make_interval(secs => :giveUpAfter))
                        on conflict (event_id, channel, recipient) do nothing""")
                .param("id", UUID.randomUUID())
                .param("notificationId", notificationId)
                .param("organizationId", organizationId)
                .param("eventId", eventId)
                .param("channel", delivery.channel().name())
                .param("recipient", delivery.recipient())
                .param("messageId", delivery.messageId())
                .param("payload", delivery.payload())
                .param("giveUpAfter", seconds(properties.giveUpAfter()))
                .update();
        if (added == 1) {
            events.publishEvent(new DeliveriesPending());
        }
    }

    /** Claims up to {@code limit} due rows of these channels for one attempt each, holding them for the lease. */
    @Transactional
    public List<ClaimedDelivery> claimDue(Collection<Channel> channels, int limit) {
        return jdbc.sql("""
                        update notification_delivery d
                           set attempts = d.attempts + 1,
                               last_attempt_at = now(),
                               next_attempt_at = now() + make_interval(secs => :lease),
                               updated_at = now()
                          from (select id from notification_delivery
                                 where status = 'PENDING' and next_attempt_at <= now() and channel in (:channels)
                                 order by next_attempt_at
                                 limit :limit
                                 for update skip locked) due
                         where d.id = due.id
                        returning d.id, d.notification_id, d.organization_id, d.event_id, d.channel, d.recipient,
                                  d.message_id, d.payload, d.attempts, d.give_up_at""")
                .param("lease", seconds(properties.lease()))
                .param("channels", channels.stream().map(Channel::name).toList())
                .param("limit", limit)
                .query(CLAIMED)
                .list();
    }

    /**
     * Records an attempt's outcome. A retry that would fall after the give-up time fails the delivery for good.
     * Returns false when this attempt no longer holds the row (its lease ran out and another sender took it, or
     * the row was failed meanwhile, as when its subscription is deleted).
     */
    @Transactional
    public boolean record(ClaimedDelivery delivery, Outcome outcome, Duration retryIn) {
        JdbcClient.StatementSpec statement = switch (outcome) {
            case Outcome.Delivered delivered -> jdbc.sql("""
                    update notification_delivery
                       set status = 'DELIVERED', delivered_at = now(), next_attempt_at = null, last_error = null,
                           updated_at = now()
                     where id = :id and attempts = :attempt and status = 'PENDING'""");
            case Outcome.Retry retry -> jdbc.sql("""
                    update notification_delivery
                       set status = case when now() + make_interval(secs => :retryIn) > give_up_at
                                         then 'FAILED' else 'PENDING' end,
                           next_attempt_at = case when now() + make_interval(secs => :retryIn) > give_up_at
                                                  then null else now() + make_interval(secs => :retryIn) end,
                           last_error = case when now() + make_interval(secs => :retryIn) > give_up_at
                                             then 'Gave up retrying: ' || :detail else :detail end,
                           updated_at = now()
                     where id = :id and attempts = :attempt and status = 'PENDING'""")
                    .param("retryIn", seconds(retryIn));
            case Outcome.Failed failed -> jdbc.sql("""
                    update notification_delivery
                       set status = 'FAILED', next_attempt_at = null, last_error = :detail, updated_at = now()
                     where id = :id and attempts = :attempt and status = 'PENDING'""");
        };
        if (!(outcome instanceof Outcome.Delivered)) {
            statement = statement.param("detail", truncate(outcome.detail()));
        }
        boolean recorded = statement.param("id", delivery.id()).param("attempt", delivery.attempt()).update() == 1;
        if (!recorded) {
            log.warn("Attempt {} of delivery {} no longer holds its row (its lease ran out, or the row was failed"
                    + " meanwhile); its outcome ({}) is not recorded", delivery.attempt(), delivery.id(), outcome);
        }
        return recorded;
    }

    /** The deliveries of these notifications, for the feed. */
    public Map<UUID, List<DeliveryView>> ofNotifications(Collection<UUID> notificationIds) {
        Map<UUID, List<DeliveryView>> views = new LinkedHashMap<>();
        if (notificationIds.isEmpty()) {
            return views;
        }
        jdbc.sql("""
                        select notification_id, channel, recipient, status, attempts, last_error, updated_at
                          from notification_delivery
                         where notification_id in (:ids)
                         order by channel, recipient""")
                .param("ids", List.copyOf(notificationIds))
                .query((rs, row) -> new DeliveryView(rs.getObject("notification_id", UUID.class),
                        Channel.valueOf(rs.getString("channel")), rs.getString("recipient"),
                        DeliveryStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
                        rs.getString("last_error"), rs.getTimestamp("updated_at").toInstant()))
                .list()
                .forEach(view -> views.computeIfAbsent(view.notificationId(), id -> new java.util.ArrayList<>()).add(view));
        return views;
    }

    /** An organization's given-up deliveries on one channel, latest first. */
    public List<FailedDelivery> failed(String organizationId, Channel channel, int limit) {
        return jdbc.sql(FAILED_SELECT + """
                         where d.organization_id = :organizationId and d.channel = :channel and d.status = 'FAILED'
                         order by d.updated_at desc, d.id
                         limit :limit""")
                .param("organizationId", organizationId)
                .param("channel", channel.name())
                .param("limit", limit)
                .query(FAILED_ROW)
                .list();
    }

    public Optional<FailedDelivery> failed(String organizationId, Channel channel, UUID id) {
        return jdbc.sql(FAILED_SELECT + """
                         where d.organization_id = :organizationId and d.channel = :channel and d.status = 'FAILED'
                           and d.id = :id""")
                .param("organizationId", organizationId)
                .param("channel", channel.name())
                .param("id", id)
                .query(FAILED_ROW)
                .optional();
    }

    /**
     * Puts a failed delivery back in line, due now, with a fresh retry window. It keeps its message id, so a
     * receiver that did get an earlier attempt can tell. False when there is no such failed delivery.
     */
    @Transactional
    public boolean redeliver(String organizationId, Channel channel, UUID id) {
        boolean requeued = jdbc.sql("""
                        update notification_delivery
                           set status = 'PENDING', next_attempt_at = now(),
                               give_up_at = now() + make_interval(secs => :giveUpAfter), updated_at = now()
                         where id = :id and organization_id = :organizationId and channel = :channel
                           and status = 'FAILED'""")
                .param("giveUpAfter", seconds(properties.giveUpAfter()))
                .param("id", id)
                .param("organizationId", organizationId)
                .param("channel", channel.name())
                .update() == 1;
        if (requeued) {
            events.publishEvent(new DeliveriesPending());
        }
        return requeued;
    }

    /** Fails what is still pending for a recipient that is gone (a deleted webhook subscription). */
    @Transactional(propagation = Propagation.MANDATORY)
    public int failPending(String organizationId, Channel channel, String recipient, String reason) {
        return jdbc.sql("""
                        update notification_delivery
                           set status = 'FAILED', next_attempt_at = null, last_error = :reason, updated_at = now()
                         where organization_id = :organizationId and channel = :channel and recipient = :recipient
                           and status = 'PENDING'""")
                .param("reason", reason)
                .param("organizationId", organizationId)
                .param("channel", channel.name())
                .param("recipient", recipient)
                .update();
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static String truncate(String detail) {
        return detail.length() <= 500 ? detail : detail.substring(0, 500);
    }

    private static Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? Instant.EPOCH : timestamp.toInstant();
    }

    private static final RowMapper<ClaimedDelivery> CLAIMED = (rs, row) -> new ClaimedDelivery(
            rs.getObject("id", UUID.class), rs.getObject("notification_id", UUID.class),
            rs.getString("organization_id"), rs.getObject("event_id", UUID.class),
            Channel.valueOf(rs.getString("channel")), rs.getString("recipient"), rs.getString("message_id"),
            rs.getString("payload"), rs.getInt("attempts"), instant(rs.getTimestamp("give_up_at")));

    private static final String FAILED_SELECT = """
            select d.id, d.notification_id, d.event_id, n.case_id, n.event_type, d.recipient, d.message_id,
                   d.attempts, d.last_error, d.created_at, d.updated_at
              from notification_delivery d
              join notification n on n.id = d.notification_id
            """;

    private static final RowMapper<FailedDelivery> FAILED_ROW = (rs, row) -> new FailedDelivery(
            rs.getObject("id", UUID.class), rs.getObject("notification_id", UUID.class),
            rs.getObject("event_id", UUID.class), rs.getObject("case_id", UUID.class), rs.getString("event_type"),
            rs.getString("recipient"), rs.getString("message_id"), rs.getInt("attempts"), rs.getString("last_error"),
            instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")));
}
