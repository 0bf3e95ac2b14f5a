package org.openpetition.intake.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A registered petition as the platform's users see it. Petitioners' identity numbers and phones are
 * masked ({@code personalDataMasked = true}) except for the handler chain; the accused party of an
 * accusation is shown only to the handler chain.
 */
public record PetitionView(UUID caseId, String trackingCode, String channel, String kind, String subjectCategory,
                           String localityCode, String addressText, String title, String content, LocalDate eventDate,
                           int petitionerCount, List<PetitionerView> petitioners, boolean collective,
                           @Schema(description = "The earlier petition this one repeats (重复访); never in the submitter's own view")
                           UUID repeatOfCaseId, String status, Instant receivedAt, String registeredBy,
                           String assignedDepartmentCode, String assignedDepartmentName,
                           @Schema(description = "Only for the handler chain, and only for an accusation") AccusedView accused,
                           String evaluation, @Schema(description = "False only for the handler chain") boolean personalDataMasked) {

    /** The same view without the link to an earlier petition (for the submitter's own view). */
    public PetitionView withoutRepeatLink() {
        return new PetitionView(caseId, trackingCode, channel, kind, subjectCategory, localityCode, addressText, title, content,
                eventDate, petitionerCount, petitioners, collective, null, status, receivedAt, registeredBy,
                assignedDepartmentCode, assignedDepartmentName, accused, evaluation, personalDataMasked);
    }

    /** A petitioner: masked, or in full for the handler chain. */
    public record PetitionerView(String type, String name, String idNumber, String phone,
                                 @Schema(description = "Masked (z***@example.com) except for the handler chain") String email,
                                 String address, boolean representative) {
    }

    /** The accused unit or official. */
    public record AccusedView(String unitCode, String unitName, String officialName, String officialPosition) {
    }
}
