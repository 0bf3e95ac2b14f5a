package org.openpetition.notification.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import org.openpetition.notification.RecipientPreference;
import org.openpetition.notification.repository.PreferenceRepository;

/** A recipient's own preferences: channels, language, quiet hours and SMS number. */
@ApplicationScoped
public class RecipientPreferences {

    private final PreferenceRepository preferences;

    public RecipientPreferences(PreferenceRepository preferences) {
        this.preferences = preferences;
    }

    /** The stored preferences, or null. */
    public Uni<RecipientPreference> find(String key) {
        return preferences.findById(key);
    }

    /** Stores them (a language of null: Chinese), recording who changed them when. */
    public Uni<RecipientPreference> store(String key, List<String> channels, String language, LocalTime quietStart,
                                          LocalTime quietEnd, String phone, String by) {
        return preferences.findById(key).chain(existing -> {
            RecipientPreference p = existing != null ? existing : new RecipientPreference();
            p.recipientKey = key;
            p.channels = channels.stream().distinct().toArray(String[]::new);
            p.language = language == null ? "zh" : language;
            p.quietStart = quietStart;
            p.quietEnd = quietEnd;
            p.phone = phone;
            p.updatedAt = Instant.now();
            p.updatedBy = by;
            return existing != null ? Uni.createFrom().item(p) : preferences.persist(p);
        });
    }
}
