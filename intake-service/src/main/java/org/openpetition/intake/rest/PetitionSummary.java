package org.openpetition.intake.rest;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.openpetition.contracts.CaseStatus;
import org.openpetition.intake.Petition;
import org.openpetition.intake.i18n.Texts;

/**
 * A petition in a list: what it is about and where it stands, with no personal data of its petitioners
 * (no names, identity numbers or contacts, no accused party, no link to an earlier petition).
 */
public record PetitionSummary(UUID caseId, String trackingCode, String channel, String kind, String subjectCategory,
                              @Schema(description = "行政区划代码 where the matter arose") String localityCode,
                              String title,
                              @Schema(description = "The case status (contracts' CaseStatus)") String status,
                              String statusZh, String statusEn, Instant receivedAt,
                              @Schema(description = "The unit handling it, once assigned") String assignedDepartmentName,
                              @Schema(description = "Five or more petitioners (集体访)") boolean collective) {

    static PetitionSummary of(Petition p, Texts texts) {
        CaseStatus status = p.status;
        Texts.Label label = texts.status(status);
        return new PetitionSummary(p.id, p.trackingCode, p.channel.name(), p.kind.name(), p.subjectCategory, p.localityCode,
                p.title, status.name(), label.zh(), label.en(), p.receivedAt, p.assignedDepartmentName, p.collective);
    }
}
