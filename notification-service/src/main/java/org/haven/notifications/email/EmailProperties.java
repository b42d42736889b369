package org.haven.notifications.email;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Email ({@code haven.notifications.email.*}); the SMTP server itself is {@code spring.mail.*}.
 *
 * @param from     the sender address; its domain also names the messages' {@code Message-ID}s
 * @param caseLink where a case opens in the caseworker UI, {@code {caseId}} replaced by the case's id
 */
@Validated
@ConfigurationProperties("haven.notifications.email")
public record EmailProperties(@NotBlank @Email String from, @NotBlank String caseLink) {

    String messageIdDomain() {
        return from.substring(from.indexOf('@') + 1);
    }
}
