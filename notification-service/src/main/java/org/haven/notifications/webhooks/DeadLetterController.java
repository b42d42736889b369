package org.haven.notifications.webhooks;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.haven.notifications.delivery.Channel;
import org.haven.notifications.delivery.DeliveryLog;
import org.haven.notifications.delivery.FailedDelivery;
import org.haven.support.identity.HavenIdentity;
import org.haven.support.problem.ConflictException;
import org.haven.support.problem.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The organization's webhook deliveries that were given up — refused by the receiver (4xx), out of retry time,
 * or left when their subscription was deleted — and their re-sending. ADMIN only.
 */
@RestController
@RequestMapping("/api/webhooks/dead-letters")
class DeadLetterController {

    private final DeliveryLog deliveries;
    private final WebhookSubscriptions subscriptions;

    DeadLetterController(DeliveryLog deliveries, WebhookSubscriptions subscriptions) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
    }

    /**
     * @param webhookId the {@code webhook-id} every attempt carried, and the re-send will carry
     * @param failedAt  when it was given up
     */
    record DeadLetter(UUID id, UUID subscriptionId, String webhookId, UUID eventId, UUID caseId, String eventType,
                      int attempts, @Nullable String lastError, Instant createdAt, Instant failedAt) {

        static DeadLetter of(FailedDelivery failed) {
            return new DeadLetter(failed.id(), UUID.fromString(failed.recipient()), failed.messageId(), failed.eventId(),
                    failed.caseId(), failed.eventType(), failed.attempts(), failed.lastError(), failed.createdAt(),
                    failed.failedAt());
        }
    }

    record Redelivery(UUID id, String webhookId, String status) {
    }

    @GetMapping
    List<DeadLetter> list(@RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        return deliveries.failed(HavenIdentity.current().organizationId(), Channel.WEBHOOK, limit).stream()
                .map(DeadLetter::of).toList();
    }

    /** Sends it again, as soon as possible and with a fresh retry window, under the same {@code webhook-id}. */
    @PostMapping("/{id}/redeliveries")
    ResponseEntity<Redelivery> redeliver(@PathVariable UUID id) {
        String organizationId = HavenIdentity.current().organizationId();
        FailedDelivery failed = deliveries.failed(organizationId, Channel.WEBHOOK, id)
                .orElseThrow(() -> new NotFoundException("No dead-lettered webhook delivery " + id));
        if (subscriptions.find(organizationId, UUID.fromString(failed.recipient())).isEmpty()) {
            throw new ConflictException("Its subscription was deleted; there is nowhere to send it");
        }
        if (!deliveries.redeliver(organizationId, Channel.WEBHOOK, id)) {
            throw new ConflictException("It is being re-sent already");
        }
        return ResponseEntity.accepted().body(new Redelivery(id, failed.messageId(), "PENDING"));
    }
}
