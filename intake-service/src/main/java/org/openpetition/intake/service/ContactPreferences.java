package org.openpetition.intake.service;

import java.util.List;

/**
 * How the petitioner wants to be told about a new petition, for petitioner.contact.v1; not stored
 * with the petition (notification-service keeps what it needs).
 *
 * @param language "zh" or "en"
 * @param userId   the petitioner's account (the token's subject) when they submitted online themselves, else null
 * @param notifyBy the channels asked for, or null: every channel with a contact
 */
public record ContactPreferences(String language, String userId, List<String> notifyBy) {

    public static final String DEFAULT_LANGUAGE = "zh";

    /** No preferences given: Chinese, no account, every channel. */
    public static final ContactPreferences NONE = new ContactPreferences(DEFAULT_LANGUAGE, null, null);

    public ContactPreferences {
        language = language == null ? DEFAULT_LANGUAGE : language;
        notifyBy = notifyBy == null || notifyBy.isEmpty() ? null : List.copyOf(notifyBy);
    }
}
