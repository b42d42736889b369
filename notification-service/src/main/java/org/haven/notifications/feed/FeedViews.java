package org.haven.notifications.feed;

import org.haven.notifications.delivery.DeliveryLog;
import org.haven.notifications.delivery.DeliveryView;
import org.haven.notifications.templates.Language;
import org.haven.notifications.templates.Templates;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Renders stored notifications for one reader: text in the reader's language, deliveries attached. */
@Component
class FeedViews {

    private final Templates templates;
    private final DeliveryLog deliveries;

    FeedViews(Templates templates, DeliveryLog deliveries) {
        this.templates = templates;
        this.deliveries = deliveries;
    }

    List<NotificationView> render(List<Notifications.Entry> entries, Language language) {
        Map<UUID, List<DeliveryView>> deliveriesById = deliveries.ofNotifications(
                entries.stream().map(entry -> entry.notification().id()).toList());
        return entries.stream()
                .map(entry -> render(entry.notification(), entry.read(), language,
                        deliveriesById.getOrDefault(entry.notification().id(), List.of())))
                .toList();
    }

    NotificationView render(StoredNotification notification, boolean read, Language language, List<DeliveryView> deliveries) {
        Map<String, String> facts = new LinkedHashMap<>();
        notification.notice().facts().forEach((fact, value) -> facts.put(fact.placeholder(), value));
        return new NotificationView(notification.id(), notification.caseId(), notification.eventId(),
                notification.notice().eventType(), notification.notice().kind(), notification.notice().ruleId(),
                notification.notice().citation(),
                templates.message(notification.notice(), notification.caseId(), language),
                templates.nextStep(notification.notice(), notification.caseId(), language),
                language.code(), notification.recipient(), notification.clientLanguage(), facts,
                notification.createdAt(), read,
                deliveries.stream().map(delivery -> new NotificationView.DeliveryView(delivery.channel(),
                        delivery.recipient(), delivery.status(), delivery.attempts(), delivery.lastError(),
                        delivery.updatedAt())).toList());
    }
}
