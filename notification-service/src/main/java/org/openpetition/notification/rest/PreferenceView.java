package org.openpetition.notification.rest;

import java.time.Instant;
import java.util.List;
import org.openpetition.notification.RecipientPreference;

/** A recipient's stored choices. */
public record PreferenceView(String recipientKey, List<String> channels, String language, String quietStart,
                             String quietEnd, String phone, Instant updatedAt, String updatedBy) {

    static PreferenceView of(RecipientPreference p) {
        return new PreferenceView(p.recipientKey, List.of(p.channels), p.language,
                p.quietStart == null ? null : p.quietStart.toString(), p.quietEnd == null ? null : p.quietEnd.toString(),
                p.phone, p.updatedAt, p.updatedBy);
    }
}
