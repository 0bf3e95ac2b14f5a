package org.openpetition.intake.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A registered petition as the platform's users see it (without petitioners' personal data). */
public record PetitionView(UUID caseId, String trackingCode, String channel, String kind, String subjectCategory,
                           String localityCode, String title, LocalDate eventDate, int petitionerCount,
                           String status, Instant receivedAt, String registeredBy) {
}
