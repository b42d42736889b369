package org.haven.notifications.webhooks;

import org.haven.events.CaseEventEnvelope;
import org.haven.notifications.delivery.Channel;
import org.haven.notifications.delivery.PendingDelivery;
import org.haven.notifications.policy.Fact;
import org.haven.notifications.policy.Notice;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Plans the webhook deliveries of a notification, while its event is consumed: one per matching subscription,
 * each with its {@code webhook-id} and body fixed now, so that every attempt and every re-send carries the
 * same id and the same bytes.
 *
 * <p>Body (no PII — ids, dates and codes only):
 * <pre>{"type":"ParoleExpiring","timestamp":"2026-08-02T09:00:00Z",
 *  "data":{"notificationId":"…","eventId":"…","caseId":"…","eventType":"ParoleExpiring","kind":"URGENT_REMINDER",
 *          "ruleId":"PAROLE-EXPIRING","citation":"…","nextStep":"file-reparole",
 *          "deadlineType":"PAROLE_EXPIRY","dueOn":"2026-10-31","daysBefore":90}}</pre>
 */
@Component
public class WebhookDeliveries {

    private final WebhookSubscriptions subscriptions;
    private final JsonMapper json;

    WebhookDeliveries(WebhookSubscriptions subscriptions, JsonMapper json) {
        this.subscriptions = subscriptions;
        this.json = json;
    }

    public List<PendingDelivery> plan(CaseEventEnvelope<?> event, Notice notice, UUID notificationId) {
        List<WebhookSubscription> matching = subscriptions.matching(event.organizationId(), notice.eventType());
        if (matching.isEmpty()) {
            return List.of();
        }
        String body = json.writeValueAsString(body(event, notice, notificationId));
        return matching.stream()
                .map(subscription -> new PendingDelivery(Channel.WEBHOOK, subscription.id().toString(),
                        webhookId(event.eventId(), subscription.id()), body))
                .toList();
    }

    /** Stable per (event, subscription): the same on every attempt and re-send, unique otherwise. */
    static String webhookId(UUID eventId, UUID subscriptionId) {
        UUID id = UUID.nameUUIDFromBytes((eventId + "/" + subscriptionId).getBytes(StandardCharsets.UTF_8));
        return "msg_" + id.toString().replace("-", "");
    }

    private static Map<String, Object> body(CaseEventEnvelope<?> event, Notice notice, UUID notificationId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("notificationId", notificationId.toString());
        data.put("eventId", event.eventId().toString());
        data.put("caseId", event.caseId().toString());
        data.put("eventType", notice.eventType());
        data.put("kind", notice.kind().name());
        data.put("ruleId", notice.ruleId());
        data.put("citation", notice.citation());
        data.put("nextStep", notice.nextStepKey().substring(notice.nextStepKey().indexOf('.') + 1));
        notice.facts().forEach((fact, value) -> data.put(fact.placeholder(), typed(fact, value)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", notice.eventType());
        body.put("timestamp", event.occurredAt().toString());
        body.put("data", data);
        return body;
    }

    private static Object typed(Fact fact, String value) {
        return switch (fact.format()) {
            case DAYS -> Integer.parseInt(value);
            case BOOLEAN -> Boolean.parseBoolean(value);
            default -> value;
        };
    }
}
