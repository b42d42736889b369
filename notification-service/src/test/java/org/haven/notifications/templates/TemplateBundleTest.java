package org.haven.notifications.templates;

import org.haven.events.vocabulary.AsylumKind;
import org.haven.events.vocabulary.DeadlineType;
import org.haven.notifications.policy.Examples;
import org.haven.notifications.policy.Fact;
import org.haven.notifications.policy.NotificationKind;
import org.haven.notifications.policy.NotificationPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A missing or broken translation fails here, at build time — never a send. */
class TemplateBundleTest {

    private static final Properties ENGLISH = bundle("messages.properties");
    private static final Properties SPANISH = bundle("messages_es.properties");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");
    private final Templates templates = new Templates();

    @Test
    void everyEnglishKeyIsTranslatedToSpanish() {
        assertThat(SPANISH.stringPropertyNames()).containsAll(ENGLISH.stringPropertyNames());
    }

    @Test
    void spanishHasNoKeyThatEnglishLacks() {
        assertThat(ENGLISH.stringPropertyNames()).containsAll(SPANISH.stringPropertyNames());
    }

    @Test
    void noTranslationIsEmpty() {
        assertThat(Stream.concat(ENGLISH.values().stream(), SPANISH.values().stream()).map(Object::toString))
                .allMatch(value -> !value.isBlank());
    }

    @Test
    void translationsUseTheSamePlaceholdersAsTheEnglish() {
        for (String key : ENGLISH.stringPropertyNames()) {
            assertThat(placeholders(SPANISH.getProperty(key))).as(key).isEqualTo(placeholders(ENGLISH.getProperty(key)));
        }
    }

    @ParameterizedTest
    @EnumSource(NotificationPolicy.class)
    void everyPolicysMessageAndNextStepExistInBothLanguages(NotificationPolicy policy) {
        assertThat(ENGLISH).containsKeys(policy.messageKey(), policy.nextStepKey());
        assertThat(SPANISH).containsKeys(policy.messageKey(), policy.nextStepKey());
    }

    @ParameterizedTest
    @EnumSource(NotificationPolicy.class)
    void everyPlaceholderOfAPolicysTemplatesIsAFactItsEventCarries(NotificationPolicy policy) {
        Set<String> available = Examples.factsOf(policy).keySet().stream().map(Fact::placeholder)
                .collect(Collectors.toCollection(HashSet::new));
        available.add("caseRef");
        for (Properties bundle : new Properties[]{ENGLISH, SPANISH}) {
            assertThat(available).as(policy.messageKey()).containsAll(placeholders(bundle.getProperty(policy.messageKey())));
            assertThat(available).as(policy.nextStepKey()).containsAll(placeholders(bundle.getProperty(policy.nextStepKey())));
        }
    }

    @ParameterizedTest
    @EnumSource(NotificationPolicy.class)
    void everyPolicyRendersCompletelyInBothLanguages(NotificationPolicy policy) {
        for (Language language : Language.values()) {
            String message = templates.message(Examples.noticeOf(policy), UUID.randomUUID(), language);
            String nextStep = templates.nextStep(Examples.noticeOf(policy), UUID.randomUUID(), language);
            assertThat(message).as("%s in %s", policy, language).doesNotContain("{").doesNotContain("}")
                    .doesNotContain("message.").doesNotContain("deadline-type.");
            assertThat(nextStep).as("%s in %s", policy, language).doesNotContain("{").doesNotContain("next-step.");
        }
    }

    @Test
    void everyDeadlineTypeKindAndAsylumKindHasALabelInBothLanguages() {
        Set<String> keys = new HashSet<>();
        Stream.of(DeadlineType.values()).forEach(type -> keys.add("deadline-type." + type.name()));
        Stream.of(NotificationKind.values()).forEach(kind -> keys.add("kind." + kind.name()));
        Stream.of(AsylumKind.values()).forEach(kind -> keys.add("asylum-kind." + kind.name()));
        assertThat(ENGLISH.stringPropertyNames()).containsAll(keys);
        assertThat(SPANISH.stringPropertyNames()).containsAll(keys);
    }

    private static Set<String> placeholders(String template) {
        Set<String> names = new HashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static Properties bundle(String name) {
        Properties properties = new Properties();
        try (InputStream in = TemplateBundleTest.class.getResourceAsStream("/notifications/" + name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return properties;
    }
}
