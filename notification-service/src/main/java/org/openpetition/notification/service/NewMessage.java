package org.openpetition.notification.service;

import java.time.Instant;
import java.util.UUID;
import org.openpetition.notification.Channel;
import org.openpetition.notification.MessageKind;

/**
 * A rendered message ready to be stored: queued for email and SMS (at {@code sendAt}), delivered at once
 * to an inbox.
 */
public record NewMessage(UUID id, String eventId, UUID caseId, MessageKind kind, Channel channel, String recipientKey,
                         String address, String subject, String body, String language, boolean urgent, Instant sendAt,
                         Instant eventTime) {
}
