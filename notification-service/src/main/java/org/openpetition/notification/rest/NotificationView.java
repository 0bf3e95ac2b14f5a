package org.openpetition.notification.rest;

import java.time.Instant;
import java.util.UUID;
import org.openpetition.notification.Notification;

/** A delivery-log entry: what was sent to whom, when, and how it went (without the content). */
public record NotificationView(UUID id, UUID caseId, String kind, String channel, String recipient, String subject,
                               String status, int attempts, String lastError, Instant createdAt, Instant sentAt) {

    static NotificationView of(Notification n) {
        return new NotificationView(n.id, n.caseId, n.kind, n.channel.name(), n.recipient, n.subject, n.status.name(),
                n.attempts, n.lastError, n.createdAt, n.sentAt);
    }
}
