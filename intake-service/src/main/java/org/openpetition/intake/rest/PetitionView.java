package org.openpetition.intake.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A registered petition as the platform's users see it: petitioners' identity numbers and phones masked. */
public record PetitionView(UUID caseId, String trackingCode, String channel, String kind, String subjectCategory,
                           String localityCode, String title, LocalDate eventDate, int petitionerCount,
                           List<PetitionerView> petitioners, boolean collective, UUID repeatOfCaseId, String status,
                           Instant receivedAt, String registeredBy) {

    /** A petitioner, masked. */
    public record PetitionerView(String type, String name, String idNumber, String phone, boolean representative) {
    }
}
