package org.haven.notifications.intake;

import org.haven.events.CaseEventEnvelope;
import org.haven.events.CaseEventPayload;
import org.haven.notifications.casefile.CaseFile;
import org.haven.notifications.casefile.CaseFiles;
import org.haven.notifications.delivery.Channel;
import org.haven.notifications.delivery.DeliveryLog;
import org.haven.notifications.email.EmailDeliveries;
import org.haven.notifications.feed.Notifications;
import org.haven.notifications.policy.Notice;
import org.haven.notifications.policy.NotificationPolicy;
import org.haven.notifications.preferences.NotificationPreferences;
import org.haven.notifications.preferences.Preferences;
import org.haven.notifications.webhooks.WebhookDeliveries;
import org.haven.support.kafka.ProcessedEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Everything a poll of case events does, in one database transaction: for each event in turn, claim its id,
 * update the case file, decide the notification by policy and preferences, write it with its in-app delivery
 * (done) and its email and webhook deliveries (pending, for the senders). A redelivered event finds its id
 * claimed and does nothing; a poll whose transaction did not commit left nothing behind and is handled anew.
 * Events of a type that neither notifies nor changes a case file ({@link #actsOn}: most of a case's history, and
 * every {@code EligibilityAssessed}) have no effect here, so they are not claimed either; the listener passes over
 * them unread, by their type header.
 */
@Service
public class NotificationIntake {

    /** This consumer's name in {@code processed_event}. */
    static final String CONSUMER = "notification-service";

    private static final Logger log = LoggerFactory.getLogger(NotificationIntake.class);

    private final ProcessedEvents processedEvents;
    private final CaseFiles caseFiles;
    private final Preferences preferences;
    private final Notifications notifications;
    private final DeliveryLog deliveries;
    private final EmailDeliveries email;
    private final WebhookDeliveries webhooks;

    NotificationIntake(ProcessedEvents processedEvents, CaseFiles caseFiles, Preferences preferences,
                       Notifications notifications, DeliveryLog deliveries, EmailDeliveries email,
                       WebhookDeliveries webhooks) {
        this.processedEvents = processedEvents;
        this.caseFiles = caseFiles;
        this.preferences = preferences;
        this.notifications = notifications;
        this.deliveries = deliveries;
        this.email = email;
        this.webhooks = webhooks;
    }

    /** The events in the order they arrived (a case's events are in order: one partition). */
    @Transactional
    public void caseEventsReceived(List<? extends CaseEventEnvelope<?>> events) {
        events.forEach(this::notifyOf);
    }

    /** Whether events of this type can have an effect here: a notification, or a change to the case file. */
    public static boolean actsOn(Class<? extends CaseEventPayload> type) {
        return NotificationPolicy.concerns(type) || CaseFiles.changedBy(type);
    }

    private void notifyOf(CaseEventEnvelope<?> event) {
        if (!actsOn(event.payload().getClass())) {
            return;
        }
        if (!processedEvents.claim(event.eventId(), CONSUMER)) {
            log.debug("Case event {} was handled before", event.eventId());
            return;
        }
        CaseFile file = caseFiles.apply(event);
        if (!file.organizationId().equals(event.organizationId())) {
            // Never expected: a case does not move between organizations. Tell no one rather than the wrong tenant.
            log.error("Case {} belongs to {} but event {} names {}; no notification", event.caseId(),
                    file.organizationId(), event.eventId(), event.organizationId());
            return;
        }
        Optional<Notice> decided = NotificationPolicy.decide(event.payload(), file.context());
        if (decided.isEmpty()) {
            return;
        }
        Notice notice = decided.get();
        NotificationPreferences chosen = preferences.of(event.organizationId());
        if (!chosen.notifies(notice.eventType())) {
            log.debug("{} does not want {} notifications", event.organizationId(), notice.eventType());
            return;
        }
        Optional<UUID> added = notifications.add(event, notice, file.assignee(), file.preferredLanguage());
        if (added.isEmpty()) {
            log.warn("Case event {} already has its notification although its id was not claimed", event.eventId());
            return;
        }
        UUID notificationId = added.get();
        deliveries.addDelivered(notificationId, event.organizationId(), event.eventId(), Channel.IN_APP,
                event.organizationId());
        if (chosen.sends(Channel.EMAIL)) {
            email.plan(event, file.assignee()).ifPresent(delivery ->
                    deliveries.addPending(notificationId, event.organizationId(), event.eventId(), delivery));
        }
        if (chosen.sends(Channel.WEBHOOK)) {
            webhooks.plan(event, notice, notificationId).forEach(delivery ->
                    deliveries.addPending(notificationId, event.organizationId(), event.eventId(), delivery));
        }
    }

    /** An event of a type this build does not know: claimed all the same, so that it is never handled later. */
    @Transactional
    public void unknownCaseEventSkipped(UUID eventId) {
        processedEvents.claim(eventId, CONSUMER);
    }
}
