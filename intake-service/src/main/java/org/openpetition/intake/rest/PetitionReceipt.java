package org.openpetition.intake.rest;

import java.time.Instant;
import java.util.UUID;

/** What the submitter gets back: the case id and the tracking code (查询码). */
public record PetitionReceipt(UUID caseId, String trackingCode, String status, Instant receivedAt) {
}
