package org.openpetition.contracts.event;

import java.time.Instant;
import java.util.UUID;

/**
 * A case was assigned to the department that must handle it (转送/交办). Topic case.assigned.v1,
 * key = caseId. Departmental systems subscribe to this topic to receive their new cases.
 *
 * @param caseId          the case
 * @param trackingCode    the petitioner's tracking code
 * @param departmentCode  the assigned department, e.g. "511703-ZJJ"
 * @param departmentName  its name, e.g. "达州市达川区住房和城乡建设局"
 * @param departmentEmail where the department receives case notices
 * @param localityCode    the division code of the competent locality
 * @param subjectCategory the subject category the decision was made for
 * @param reason          why this department: the rule that decided, readable by a person
 * @param receivedAt      when the petition was received (from petition.submitted.v1)
 * @param assignedAt      when the decision was made; the acceptance limit runs from here
 */
public record CaseAssignedV1(
        UUID caseId,
        String trackingCode,
        String departmentCode,
        String departmentName,
        String departmentEmail,
        String localityCode,
        String subjectCategory,
        String reason,
        Instant receivedAt,
        Instant assignedAt) {
}
