package org.haven.notifications.feed;

import org.haven.events.CaseEventEnvelope;
import org.haven.events.CaseEventPayload.CaseOpened;
import org.haven.support.kafka.ProcessedEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.UUID;

/**
 * Puts case events into the organization's in-app feed, each at most once: the event's id is claimed in
 * the same transaction that writes the notification, so a redelivered event finds it taken.
 */
@Service
public class InAppFeed {

    /** This effect's name in {@code processed_event}; webhooks and email will dedupe under their own. */
    static final String CONSUMER = "notification-feed";

    private static final Logger log = LoggerFactory.getLogger(InAppFeed.class);

    private final ProcessedEvents processedEvents;
    private final Notifications notifications;

    InAppFeed(ProcessedEvents processedEvents, Notifications notifications) {
        this.processedEvents = processedEvents;
        this.notifications = notifications;
    }

    @Transactional
    public void caseEventReceived(CaseEventEnvelope<?> event) {
        if (!processedEvents.claim(event.eventId(), CONSUMER)) {
            log.debug("Case event {} is already in the feed", event.eventId());
            return;
        }
        if (event.payload() instanceof CaseOpened) {
            notifications.addDeliveredInApp(event, NotificationKind.UPDATE, FeedMessage.CASE_OPENED);
        } else {
            log.debug("Case event {} of type {} gives no in-app notification", event.eventId(), event.type());
        }
    }

    /** An event of a type this build does not know: claimed all the same, so that it is never handled later. */
    @Transactional
    public void unknownCaseEventSkipped(UUID eventId) {
        processedEvents.claim(eventId, CONSUMER);
    }
}
