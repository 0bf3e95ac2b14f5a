package org.openpetition.notification.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.openpetition.notification.DeliveryAttempt;
import org.openpetition.notification.Notification;
import org.openpetition.notification.service.Masking;

/**
 * A delivery-log entry: what was sent to whom, when, and how it went, without the content. A
 * petitioner's address is masked; a unit's or a leader's is shown.
 */
public record NotificationView(UUID id, String eventId, UUID caseId, String kind, String channel, String recipientKey,
                               String recipient, String language, String subject, String status, int attempts,
                               String lastError, Instant createdAt, Instant nextAttemptAt, Instant sentAt,
                               List<Attempt> attemptLog) {

    /** One attempt. */
    public record Attempt(int attempt, Instant at, String outcome, String error) {
    }

    static NotificationView of(Notification n, List<DeliveryAttempt> attempts) {
        boolean personal = n.toPetitioner();
        return new NotificationView(n.id, n.eventId, n.caseId, n.kind, n.channel.name(),
                personal && n.recipientKey.startsWith("petitioner:") ? "petitioner" : n.recipientKey,
                personal ? Masking.address(n.recipient) : n.recipient, n.language,
                personal ? null : n.subject, n.status.name(), n.attempts, n.lastError, n.createdAt, n.nextAttemptAt, n.sentAt,
                attempts == null ? null : attempts.stream()
                        .map(a -> new Attempt(a.id.attempt(), a.at, a.outcome, a.error)).toList());
    }
}
