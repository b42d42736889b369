package org.haven.notifications.email;

import org.haven.events.CaseEventEnvelope;
import org.haven.notifications.delivery.Channel;
import org.haven.notifications.delivery.PendingDelivery;
import org.haven.notifications.recipients.Recipients;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/**
 * Plans the email of a notification, while its event is consumed: one to the case's assignee, if the case
 * has one, the assignee has an address, and an SMTP server is configured ({@code spring.mail.host}).
 */
@Component
@EnableConfigurationProperties(EmailProperties.class)
public class EmailDeliveries {

    private static final Logger log = LoggerFactory.getLogger(EmailDeliveries.class);

    private final Recipients recipients;
    private final EmailProperties properties;
    private final boolean smtpConfigured;

    EmailDeliveries(Recipients recipients, EmailProperties properties, ObjectProvider<JavaMailSender> mail) {
        this.recipients = recipients;
        this.properties = properties;
        this.smtpConfigured = mail.getIfAvailable() != null;
        if (!smtpConfigured) {
            log.warn("No SMTP server configured (spring.mail.host): notifications are not emailed");
        }
    }

    public Optional<PendingDelivery> plan(CaseEventEnvelope<?> event, @Nullable String assignee) {
        if (!smtpConfigured || assignee == null) {
            return Optional.empty();
        }
        if (recipients.find(event.organizationId(), assignee).isEmpty()) {
            log.info("Case {} is assigned to {}, who has no email address in {}", event.caseId(), assignee,
                    event.organizationId());
            return Optional.empty();
        }
        return Optional.of(new PendingDelivery(Channel.EMAIL, assignee, messageId(event.eventId(), assignee), null));
    }

    /** {@code <uuid@domain>}, the same for this event and recipient every time. */
    String messageId(UUID eventId, String recipient) {
        UUID id = UUID.nameUUIDFromBytes((eventId + "/" + recipient).getBytes(StandardCharsets.UTF_8));
        return "<" + id + "@" + properties.messageIdDomain() + ">";
    }
}
