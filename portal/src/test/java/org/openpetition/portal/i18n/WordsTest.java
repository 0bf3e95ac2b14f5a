package org.openpetition.portal.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Both languages have every word, and every word a template or page names exists. */
class WordsTest {

    private final Words words = new Words();

    @Test
    void chineseAndEnglishHaveTheSameKeys() {
        Set<String> zh = new TreeSet<>(words.of(Language.ZH).keySet());
        Set<String> en = new TreeSet<>(words.of(Language.EN).keySet());
        assertEquals(zh, en);
        assertTrue(zh.size() > 100, "the bundles are loaded: " + zh.size());
    }

    @Test
    void everyWordTheTemplatesAndPagesNameExists() throws IOException {
        Map<String, String> zh = words.of(Language.ZH);
        Set<String> missing = new TreeSet<>();
        Pattern inTemplate = Pattern.compile("[{ (=]t\\.([a-zA-Z_][a-zA-Z0-9_]*)");
        try (Stream<Path> templates = Files.list(Path.of("src/main/resources/templates"))) {
            for (Path template : templates.toList()) {
                Matcher m = inTemplate.matcher(Files.readString(template));
                while (m.find()) {
                    if (!m.group(1).equals("get") && !zh.containsKey(m.group(1))) {
                        missing.add(template.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = Pattern.compile("word\\(\"([a-z_A-Z]+)\"\\)|\"(menu_[a-z_]+|[a-z_]+_title|[a-z_]+_text)\"").matcher(Files.readString(source));
                while (m.find()) {
                    String key = m.group(1) != null ? m.group(1) : m.group(2);
                    if (!zh.containsKey(key)) {
                        missing.add(source.getFileName() + ": " + key);
                    }
                }
            }
        }
        assertEquals(Set.of(), missing);
    }

    @Test
    void theMenusHintsAndTheComposedKeysExist() {
        Map<String, String> en = words.of(Language.EN);
        for (String prefix : new String[] {"status_REGISTERED", "status_FINAL", "kind_ACCUSATION", "channel_LETTER",
                "notify_INBOX", "evaluation_DISSATISFIED", "due_OVERDUE,WARNING", "group_locality", "rate_satisfaction",
                "menu_queue_hint", "menu_cases_hint", "province", "village"}) {
            assertTrue(en.containsKey(prefix), prefix);
        }
    }
}
