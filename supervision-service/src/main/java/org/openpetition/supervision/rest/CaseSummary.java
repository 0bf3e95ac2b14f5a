package org.openpetition.supervision.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.openpetition.supervision.DueState;
import org.openpetition.supervision.SupervisedCase;

/**
 * A case as one line of the staff workbench's list: what it is, who handles it, and how its running limit
 * stands. No personal data (supervision holds none).
 *
 * @param kind       the petition's kind (SOLUTION_REQUEST, SUGGESTION, ACCUSATION, ENQUIRY), null while the
 *                   petition is not recorded here
 * @param accusation whether it is an accusation (检举控告)
 * @param dueKind    the running limit (ACCEPTANCE, REPLY, REVIEW, RE_REVIEW), null when none runs
 * @param due        its last day (Beijing time)
 * @param dueState   NORMAL, WARNING or OVERDUE today (Beijing time)
 */
public record CaseSummary(UUID caseId, String trackingCode, String status, String kind, boolean accusation,
                          String subjectCategory, String localityCode, String departmentCode, String departmentName,
                          @Schema(enumeration = {"ACCEPTANCE", "REPLY", "REVIEW", "RE_REVIEW"}) String dueKind,
                          LocalDate due,
                          @Schema(enumeration = {"NORMAL", "WARNING", "OVERDUE"}) String dueState,
                          Instant receivedAt, Instant assignedAt, String owningLeaderId) {

    static CaseSummary of(SupervisedCase c, LocalDate today, int warningLeadDays) {
        DueState state = DueState.of(c.due, today, warningLeadDays);
        return new CaseSummary(c.caseId, c.trackingCode, c.status.name(), c.kind, c.accusation(), c.subjectCategory,
                c.localityCode, c.departmentCode, c.departmentName, c.dueKind == null ? null : c.dueKind.name(), c.due,
                state == null ? null : state.name(), c.receivedAt, c.assignedAt, c.owningLeaderId);
    }
}
