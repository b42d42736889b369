package org.haven.notifications.email;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.haven.notifications.delivery.Channel;
import org.haven.notifications.delivery.ChannelSender;
import org.haven.notifications.delivery.ClaimedDelivery;
import org.haven.notifications.delivery.Outcome;
import org.haven.notifications.feed.Notifications;
import org.haven.notifications.feed.StoredNotification;
import org.haven.notifications.recipients.Recipient;
import org.haven.notifications.recipients.Recipients;
import org.haven.notifications.templates.Templates;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Sends one email delivery: the notification rendered in the recipient's language, plain text, UTF-8.
 * The recipient's address and language are read at send time, so a corrected address is used by retries.
 */
@Component
class EmailSender implements ChannelSender {

    private final ObjectProvider<JavaMailSender> mail;
    private final Notifications notifications;
    private final Recipients recipients;
    private final Templates templates;
    private final EmailProperties properties;
    private final Session session = Session.getInstance(new Properties());

    EmailSender(ObjectProvider<JavaMailSender> mail, Notifications notifications, Recipients recipients,
                Templates templates, EmailProperties properties) {
        this.mail = mail;
        this.notifications = notifications;
        this.recipients = recipients;
        this.templates = templates;
        this.properties = properties;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public Outcome send(ClaimedDelivery delivery) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return new Outcome.Retry("No SMTP server configured");
        }
        StoredNotification notification = notifications.find(delivery.notificationId()).orElse(null);
        if (notification == null) {
            return new Outcome.Failed("The notification no longer exists");
        }
        Recipient recipient = recipients.find(delivery.organizationId(), delivery.recipient()).orElse(null);
        if (recipient == null) {
            return new Outcome.Failed("No email address for " + delivery.recipient());
        }
        try {
            sender.send(message(delivery, notification, recipient));
            return new Outcome.Delivered("Accepted by the SMTP server");
        } catch (MailPreparationException e) {
            return new Outcome.Failed("The message could not be built: " + e.getMostSpecificCause().getMessage());
        } catch (MailSendException e) {
            return refusedRecipient(e) ? new Outcome.Failed("The SMTP server refused the address")
                    : new Outcome.Retry("SMTP send failed: " + e.getMostSpecificCause().getClass().getSimpleName());
        } catch (MailException e) {
            return new Outcome.Retry("SMTP failed: " + e.getClass().getSimpleName());
        }
    }

    private MimeMessage message(ClaimedDelivery delivery, StoredNotification notification, Recipient recipient) {
        Templates.Email email = templates.email(notification.notice(), notification.caseId(),
                URI.create(properties.caseLink().replace("{caseId}", notification.caseId().toString())),
                recipient.language());
        MimeMessage message = new StableIdMimeMessage(session, delivery.messageId());
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
            helper.setFrom(properties.from());
            helper.setTo(recipient.email());
            helper.setSubject(email.subject());
            helper.setText(email.body());
            message.setHeader("Content-Language", recipient.language().code());
            message.setHeader("Auto-Submitted", "auto-generated");
        } catch (MessagingException e) {
            throw new MailPreparationException(e);
        }
        return message;
    }

    /** A 5xx refusal of the recipient address will not change on a retry. */
    private static boolean refusedRecipient(MailSendException e) {
        for (Exception failure : e.getFailedMessages().values()) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof SendFailedException sendFailed && sendFailed.getInvalidAddresses() != null
                        && sendFailed.getInvalidAddresses().length > 0) {
                    return true;
                }
            }
        }
        return false;
    }
}
