package org.openpetition.routing.service;

import java.util.Optional;

/**
 * 诉访分离: the legal channels a petition is diverted to, recognised by the subject category
 * (children of LAW_AND_LITIGATION in the taxonomy). The guidance the petitioner receives is in the
 * message bundle ({@code guidance_$<CONSTANT>} of {@link org.openpetition.routing.words.RoutingMessages}).
 */
public enum LegalChannel {

    LITIGATION("LITIGATION"),
    ARBITRATION("ARBITRATION"),
    ADMINISTRATIVE_RECONSIDERATION("ADMINISTRATIVE_RECONSIDERATION"),
    JUDICIAL_PROCEEDINGS("IN_JUDICIAL_PROCEEDINGS");

    private final String category;

    LegalChannel(String category) {
        this.category = category;
    }

    /** The legal channel of a subject category, if it names one. */
    public static Optional<LegalChannel> of(String subjectCategory) {
        for (LegalChannel channel : values()) {
            if (channel.category.equals(subjectCategory)) {
                return Optional.of(channel);
            }
        }
        return Optional.empty();
    }
}
