package org.haven.notifications.templates;

import org.jspecify.annotations.Nullable;

import java.util.Locale;
import java.util.Optional;

/** The languages Haven writes notifications in. English is the fallback for anything else. */
public enum Language {
    EN(Locale.ENGLISH), ES(Locale.forLanguageTag("es"));

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    public String code() {
        return locale.getLanguage();
    }

    /** {@code "es"}, {@code "es-MX"}, {@code "ES"} → Spanish; anything else, or nothing, → empty. */
    public static Optional<Language> fromCode(@Nullable String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        String language = Locale.forLanguageTag(code.trim().replace('_', '-')).getLanguage();
        for (Language candidate : values()) {
            if (candidate.code().equals(language)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    public static Language of(@Nullable String code) {
        return fromCode(code).orElse(EN);
    }
}
