package org.haven.notifications.webhooks;

import jakarta.validation.Valid;
import org.haven.notifications.delivery.Channel;
import org.haven.notifications.delivery.DeliveryLog;
import org.haven.notifications.policy.NotificationPolicy;
import org.haven.support.identity.HavenIdentity;
import org.haven.support.problem.InvalidFieldException;
import org.haven.support.problem.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * An organization's webhook subscriptions. ADMIN only (see {@code access.AdminOnly}); another organization's
 * subscription is a 404. The secret is in the creation answer and nowhere else.
 */
@RestController
@RequestMapping("/api/webhooks")
class WebhookController {

    private final WebhookSubscriptions subscriptions;
    private final WebhookTargets targets;
    private final DeliveryLog deliveries;

    WebhookController(WebhookSubscriptions subscriptions, WebhookTargets targets, DeliveryLog deliveries) {
        this.subscriptions = subscriptions;
        this.targets = targets;
        this.deliveries = deliveries;
    }

    @PostMapping
    ResponseEntity<WebhookCreated> register(@Valid @RequestBody WebhookRequest request, UriComponentsBuilder uris) {
        URI url;
        try {
            url = targets.check(Objects.requireNonNull(request.url()));
        } catch (WebhookTargets.Refused e) {
            throw new InvalidFieldException("url", e.getMessage());
        }
        List<String> eventTypes = eventTypes(Objects.requireNonNull(request.eventTypes()));
        WebhookSubscription subscription = subscriptions.add(HavenIdentity.current().organizationId(), url.toString(),
                eventTypes, WebhookSignature.newSecret());
        return ResponseEntity.created(uris.path("/api/webhooks/{id}").build(subscription.id()))
                .body(new WebhookCreated(subscription.id(), subscription.url(), subscription.eventTypes(),
                        subscription.secret(), subscription.createdAt()));
    }

    @GetMapping
    List<WebhookView> list() {
        return subscriptions.ofOrganization(HavenIdentity.current().organizationId()).stream()
                .map(WebhookSubscription::view).toList();
    }

    @GetMapping("/{id}")
    WebhookView get(@PathVariable UUID id) {
        return subscriptions.find(HavenIdentity.current().organizationId(), id)
                .map(WebhookSubscription::view)
                .orElseThrow(() -> new NotFoundException("No webhook subscription " + id));
    }

    /** Deliveries still pending for the subscription fail ("deleted") and show in the dead-letter list. */
    @DeleteMapping("/{id}")
    @Transactional
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        String organizationId = HavenIdentity.current().organizationId();
        if (!subscriptions.remove(organizationId, id)) {
            throw new NotFoundException("No webhook subscription " + id);
        }
        deliveries.failPending(organizationId, Channel.WEBHOOK, id.toString(), "The subscription was deleted");
        return ResponseEntity.noContent().build();
    }

    private static List<String> eventTypes(List<String> requested) {
        Set<String> known = NotificationPolicy.eventTypes();
        Set<String> unique = new LinkedHashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            String type = requested.get(i).trim();
            if (!known.contains(type)) {
                throw new InvalidFieldException("eventTypes[" + i + "]",
                        "is not an event type that gives notifications; one of " + String.join(", ", known));
            }
            unique.add(type);
        }
        return new ArrayList<>(unique);
    }
}
