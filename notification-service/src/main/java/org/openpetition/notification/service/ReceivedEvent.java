package org.openpetition.notification.service;

import java.time.Instant;
import java.util.UUID;

/**
 * An event as notification-service received it (or kept it while its recipients were not known).
 *
 * @param topic  where it came from
 * @param id     the CloudEvents id
 * @param type   the CloudEvents type
 * @param caseId the case (the record key); for a circular, the circular's id
 * @param data   the event data (JSON)
 * @param time   when it was produced
 */
public record ReceivedEvent(String topic, String id, String type, UUID caseId, String data, Instant time) {
}
