package org.openpetition.portal.i18n;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Every word the pages show, in Chinese (first) and English: messages/portal_zh.properties and
 * messages/portal_en.properties, with the same keys. Templates read them as {@code t.key}.
 */
@ApplicationScoped
public class Words {

    private final Map<Language, Map<String, String>> words = new HashMap<>();

    public Words() {
        for (Language language : Language.values()) {
            words.put(language, load("messages/portal_" + language.code() + ".properties"));
        }
    }

    public Map<String, String> of(Language language) {
        return words.get(language);
    }

    /** One word, or the key itself when it is missing (the bundle test keeps both files complete). */
    public String word(Language language, String key) {
        return words.get(language).getOrDefault(key, key);
    }

    static Map<String, String> load(String resource) {
        try (InputStream in = Words.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing");
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> map = new HashMap<>();
            properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name)));
            return Collections.unmodifiableMap(map);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
