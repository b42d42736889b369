package org.haven.notifications.templates;

import org.haven.notifications.policy.Fact;
import org.haven.notifications.policy.Notice;
import org.haven.notifications.policy.NotificationKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders notifications from the message bundles. Templates name their values ({@code {dueOn}}) rather than
 * number them, so that a translator can reorder a sentence; the values are the notice's {@link Fact}s plus
 * {@code {caseRef}}. A key missing from the Spanish bundle falls back to English here — the bundle tests
 * fail on it long before a send does.
 */
@Component
public class Templates {

    static final String BASENAME = "notifications/messages";

    private static final Logger log = LoggerFactory.getLogger(Templates.class);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    private final ResourceBundleMessageSource bundle = new ResourceBundleMessageSource();

    public Templates() {
        bundle.setBasename(BASENAME);
        bundle.setDefaultEncoding("UTF-8");
        // English lives in the base bundle; never let the machine's locale pick a bundle.
        bundle.setFallbackToSystemLocale(false);
        bundle.setAlwaysUseMessageFormat(false);
    }

    /** The one-sentence message of a notice, e.g. "Parole for case 1A2B3C4D ends on October 31, 2026 (in 90 days)." */
    public String message(Notice notice, UUID caseId, Language language) {
        return fill(notice.messageKey(), values(notice, caseId, language), language);
    }

    /** What to do next, e.g. "File for re-parole (Form I-131) …". */
    public String nextStep(Notice notice, UUID caseId, Language language) {
        return fill(notice.nextStepKey(), values(notice, caseId, language), language);
    }

    public String kind(NotificationKind kind, Language language) {
        return text("kind." + kind.name(), language);
    }

    public Email email(Notice notice, UUID caseId, URI caseLink, Language language) {
        Map<String, String> values = values(notice, caseId, language);
        String message = fill(notice.messageKey(), values, language);
        String subject = "[Haven] " + kind(notice.kind(), language) + ": " + message;
        StringBuilder body = new StringBuilder()
                .append(message).append("\n\n")
                .append(text("email.next-step", language)).append(": ")
                .append(fill(notice.nextStepKey(), values, language)).append('\n');
        if (notice.ruleId() != null) {
            body.append(text("email.rule", language)).append(": ").append(notice.ruleId());
            if (notice.citation() != null) {
                body.append(" (").append(notice.citation()).append(')');
            }
            body.append('\n');
        }
        body.append(text("email.case", language)).append(": ").append(caseLink).append("\n\n")
                .append(fill("email.footer", values, language)).append('\n');
        return new Email(subject, body.toString());
    }

    public record Email(String subject, String body) {
    }

    /** A legal date the way a reader of this language writes it: "October 31, 2026", "31 de octubre de 2026". */
    public String date(LocalDate date, Language language) {
        return DateTimeFormatter.ofPattern(text("format.date", language), language.locale()).format(date);
    }

    /** The case's short reference in messages: the first eight characters of its id, as the UI shows it. */
    public static String caseRef(UUID caseId) {
        return caseId.toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
    }

    String text(String key, Language language) {
        return bundle.getMessage(key, null, key, language.locale());
    }

    private String fill(String key, Map<String, String> values, Language language) {
        String template = text(key, language);
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                log.warn("Template {} ({}) names {{}}, which its notice does not carry", key, language, matcher.group(1));
                value = matcher.group();
            }
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }

    private Map<String, String> values(Notice notice, UUID caseId, Language language) {
        Map<String, String> values = new HashMap<>();
        values.put("caseRef", caseRef(caseId));
        notice.facts().forEach((fact, value) -> values.put(fact.placeholder(), format(fact, value, language)));
        return values;
    }

    private String format(Fact fact, String value, Language language) {
        return switch (fact.format()) {
            case DATE -> date(LocalDate.parse(value), language);
            case DAYS -> switch (Integer.parseInt(value)) {
                case 0 -> text("days.today", language);
                case 1 -> text("days.one", language);
                default -> text("days.many", language).replace("{days}", value);
            };
            case DEADLINE_TYPE -> text("deadline-type." + value, language);
            case ASYLUM_KIND -> text("asylum-kind." + value, language);
            case CODE, BOOLEAN -> value;
        };
    }
}
