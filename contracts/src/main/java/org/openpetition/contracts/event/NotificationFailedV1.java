package org.openpetition.contracts.event;

import java.time.Instant;
import java.util.UUID;

/**
 * A message notification-service could not deliver: it gave up after its retries, the channel
 * refused it for good, or a crash left its outcome unknown (it is not resent by itself, so that it is
 * never sent twice). Topic notification.delivery.dlq, key = caseId. For operators, who can requeue the
 * message through the delivery log's API. No content and no full address: personal data stays in the
 * service.
 *
 * @param notificationId the message in the delivery log
 * @param eventId        the event that caused it
 * @param caseId         the case (null for a circular)
 * @param kind           the message kind, e.g. ACCEPTED
 * @param channel        EMAIL, SMS or INBOX
 * @param recipient      the recipient, masked (e.g. 138****5678, z***@example.org)
 * @param attempts       attempts made
 * @param reason         why it was given up
 * @param failedAt       when
 */
public record NotificationFailedV1(
        UUID notificationId,
        String eventId,
        UUID caseId,
        String kind,
        String channel,
        String recipient,
        int attempts,
        String reason,
        Instant failedAt) {
}
