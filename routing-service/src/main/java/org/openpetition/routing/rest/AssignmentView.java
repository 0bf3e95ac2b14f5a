package org.openpetition.routing.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.openpetition.routing.RoutingDecision;

/** A routing decision as the API shows it. */
public record AssignmentView(UUID caseId, String trackingCode, String outcome, String departmentCode,
                             String petitionLocalityCode, String competentLocalityCode, String subjectCategory,
                             String reason, UUID repeatOfCaseId, Instant receivedAt, Instant decidedAt,
                             String decidedBy, boolean skipLevel, String owningLeaderId, LocalDate acceptanceDue,
                             String legalChannel, int returnCount) {

    static AssignmentView of(RoutingDecision d) {
        return new AssignmentView(d.caseId, d.trackingCode, d.outcome.name(), d.departmentCode, d.petitionLocalityCode,
                d.competentLocalityCode, d.subjectCategory, d.reason, d.repeatOfCaseId, d.receivedAt, d.decidedAt,
                d.decidedBy, d.skipLevel, d.owningLeaderId, d.acceptanceDue, d.legalChannel, d.returnCount);
    }
}
