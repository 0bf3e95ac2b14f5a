package org.openpetition.notification.rest;

import java.time.Instant;
import java.util.UUID;
import org.openpetition.notification.InboxMessage;

/** A message of an inbox. */
public record InboxView(UUID id, String inbox, UUID caseId, String kind, String subject, String body, Instant createdAt,
                        Instant readAt) {

    static InboxView of(InboxMessage m) {
        return new InboxView(m.id, m.owner, m.caseId, m.kind, m.subject, m.body, m.createdAt, m.readAt);
    }
}
