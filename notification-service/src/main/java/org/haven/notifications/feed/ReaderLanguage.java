package org.haven.notifications.feed;

import org.haven.notifications.recipients.Recipients;
import org.haven.notifications.templates.Language;
import org.haven.support.identity.HavenIdentity;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * The language a reader reads the feed in: the one recorded for them as a recipient, else the first language
 * of their {@code Accept-Language} that Haven writes, else English. Notifications are for caseworkers, so the
 * client's preferred language is not used here; it is shown beside each notification instead.
 */
@Component
class ReaderLanguage {

    private final Recipients recipients;

    ReaderLanguage(Recipients recipients) {
        this.recipients = recipients;
    }

    Language of(HavenIdentity reader, @Nullable String acceptLanguage) {
        return recipients.find(reader.organizationId(), reader.subject())
                .map(recipient -> recipient.language())
                .orElseGet(() -> fromHeader(acceptLanguage));
    }

    private static Language fromHeader(@Nullable String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Language.EN;
        }
        try {
            return Locale.LanguageRange.parse(acceptLanguage).stream()
                    .map(range -> Language.fromCode(range.getRange()))
                    .flatMap(java.util.Optional::stream)
                    .findFirst()
                    .orElse(Language.EN);
        } catch (IllegalArgumentException e) {
            return Language.EN;
        }
    }
}
