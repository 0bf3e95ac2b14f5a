package org.openpetition.routing.words;

import io.quarkus.qute.i18n.Localized;
import jakarta.enterprise.context.ApplicationScoped;
import org.openpetition.routing.directory.Directory;

/** Renders a text of {@link RoutingMessages} in Chinese and in English at once. */
@ApplicationScoped
public class RoutingWords {

    /** A text in the language of the bundle and the labels it is given. */
    @FunctionalInterface
    public interface Phrase {
        String in(RoutingMessages messages, Labels labels);
    }

    private final RoutingMessages zh;
    private final RoutingMessages en;

    public RoutingWords(RoutingMessages zh, @Localized("en") RoutingMessages en) {
        this.zh = zh;
        this.en = en;
    }

    /** The phrase in both languages, its places and units named from the directory. */
    public Words say(Directory directory, Phrase phrase) {
        return new Words(phrase.in(zh, Labels.zh(directory)), phrase.in(en, Labels.en(directory)));
    }

    /** A phrase that names nothing from the directory. */
    public Words say(Phrase phrase) {
        return say(null, phrase);
    }
}
