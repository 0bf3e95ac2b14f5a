package org.openpetition.supervision.i18n;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import java.util.Locale;

/** The texts of a language: English for English, Chinese otherwise; the records and events keep Chinese. */
public final class Languages {

    private Languages() {
    }

    /** The texts in {@code language}: English for English, Chinese otherwise (none given included). */
    public static Texts in(Locale language) {
        return language != null && "en".equals(language.getLanguage())
                ? MessageBundles.get(Texts.class, Localized.Literal.of("en"))
                : MessageBundles.get(Texts.class);
    }

    /** The texts of the records and events, which carry one language (Chinese). */
    public static Texts ofRecords() {
        return MessageBundles.get(Texts.class);
    }
}
