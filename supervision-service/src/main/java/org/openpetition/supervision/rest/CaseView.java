package org.openpetition.supervision.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.openpetition.supervision.SupervisedCase;

/** A case's clock as the API shows it. */
public record CaseView(UUID caseId, String trackingCode, String departmentCode, String localityCode, String status,
                       Instant receivedAt, Instant assignedAt, LocalDate acceptanceDue) {

    static CaseView of(SupervisedCase c) {
        return new CaseView(c.caseId, c.trackingCode, c.departmentCode, c.localityCode, c.status.name(), c.receivedAt,
                c.assignedAt, c.acceptanceDue);
    }
}
