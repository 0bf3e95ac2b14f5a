package org.openpetition.intake.rest;

import java.time.Instant;
import java.util.UUID;

/**
 * What the submitter gets back: the case id, the tracking code (查询码) and the query secret
 * (查询密码) with which the petitioner follows the case on the public tracking endpoint.
 */
public record PetitionReceipt(UUID caseId, String trackingCode, String querySecret, String status, Instant receivedAt) {
}
