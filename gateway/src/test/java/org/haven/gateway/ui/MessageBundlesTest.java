package org.haven.gateway.ui;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The UI's two message bundles say the same things, and every message the scripts ask for by name exists. */
class MessageBundlesTest {

    private static final Pattern ENTRY = Pattern.compile("^\\s*\"([^\"]+)\":\\s*\"(.*)\",\\s*$");
    private static final Pattern LITERAL_KEY = Pattern.compile("\\btn?\\('([A-Za-z0-9_.-]+)'");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    @Test
    void englishAndSpanishHaveTheSameKeys() throws Exception {
        assertThat(bundle("es").keySet()).containsExactlyInAnyOrderElementsOf(bundle("en").keySet());
    }

    @Test
    void noMessageIsEmptyAndTranslationsKeepTheirPlaceholders() throws Exception {
        Map<String, String> english = bundle("en");
        Map<String, String> spanish = bundle("es");
        english.forEach((key, text) -> {
            assertThat(text).as("en %s", key).isNotBlank();
            assertThat(spanish.get(key)).as("es %s", key).isNotBlank();
            assertThat(placeholders(spanish.get(key))).as("placeholders of es %s", key).isEqualTo(placeholders(text));
        });
    }

    @Test
    void everyMessageAskedForByNameExists() throws Exception {
        Set<String> keys = bundle("en").keySet();
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> scripts = Files.walk(staticRoot().resolve("app"))) {
            for (Path script : scripts.filter(path -> path.toString().endsWith(".js")).toList()) {
                Matcher used = LITERAL_KEY.matcher(Files.readString(script, StandardCharsets.UTF_8));
                while (used.find()) {
                    String key = used.group(1);
                    // tn('days.left', n) picks days.left.one / days.left.other
                    if (!keys.contains(key) && !keys.contains(key + ".other")) {
                        missing.add(staticRoot().relativize(script) + ": " + key);
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static Map<String, String> bundle(String language) throws IOException, URISyntaxException {
        Map<String, String> entries = new LinkedHashMap<>();
        for (String line : Files.readAllLines(staticRoot().resolve("app/messages/" + language + ".js"), StandardCharsets.UTF_8)) {
            Matcher entry = ENTRY.matcher(line);
            if (entry.matches()) {
                assertThat(entries.put(entry.group(1), entry.group(2))).as("%s: %s twice", language, entry.group(1)).isNull();
            }
        }
        assertThat(entries).as("entries of %s.js", language).hasSizeGreaterThan(100);
        return entries;
    }

    private static Path staticRoot() throws URISyntaxException {
        // The main resources (target/classes/static), not the test page that replaces index.html in tests.
        return Path.of(Objects.requireNonNull(MessageBundlesTest.class.getResource("/static/app/main.js")).toURI())
                .getParent().getParent();
    }
}
