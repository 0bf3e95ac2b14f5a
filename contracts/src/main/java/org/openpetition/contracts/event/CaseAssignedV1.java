package org.openpetition.contracts.event;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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
 * @param reason          why this department: the rule that decided, a whole Chinese text
 * @param receivedAt      when the petition was received (from petition.submitted.v1)
 * @param assignedAt      when the decision was made; the acceptance limit runs from here
 * @param skipLevel       the petition was addressed to a body above the competent level (越级, beyond
 *                        the same level or one level up of 逐级走访) and is referred down; counted as a
 *                        skip-level petition. False in events of older producers.
 * @param owningLeader    the leader who owns the case (领导包案: collective petitions and matters of three
 *                        or more households), else null
 * @param acceptanceDue   a custom deadline set by the dispatcher who assigned the case (交办), the last day
 *                        for the acceptance decision; null: the jurisdiction's default limit applies
 * @param decidedBy       RULES (the routing rules) or DISPATCHER (a person reassigned or resolved the
 *                        queue); null in events of older producers
 * @param reasons         every rule that contributed, in the order applied, each readable by a person;
 *                        {@code reason} joins them; Chinese. Null in events of older producers.
 * @param supervisingBody the department's supervising body (上级主管单位) from the directory: it reviews the
 *                        case (复查) and hears escalations; null at the top of a line or from older producers
 * @param reasonEn        {@code reason} as a whole English text; null from older producers
 * @param reasonsEn       {@code reasons} in English, in the same order; null from older producers
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
        Instant assignedAt,
        boolean skipLevel,
        OwningLeader owningLeader,
        LocalDate acceptanceDue,
        String decidedBy,
        List<String> reasons,
        UnitContact supervisingBody,
        String reasonEn,
        List<String> reasonsEn) {

    /** An event without the English texts (as older producers wrote it). */
    public CaseAssignedV1(UUID caseId, String trackingCode, String departmentCode, String departmentName,
                          String departmentEmail, String localityCode, String subjectCategory, String reason,
                          Instant receivedAt, Instant assignedAt, boolean skipLevel, OwningLeader owningLeader,
                          LocalDate acceptanceDue, String decidedBy, List<String> reasons, UnitContact supervisingBody) {
        this(caseId, trackingCode, departmentCode, departmentName, departmentEmail, localityCode, subjectCategory, reason,
                receivedAt, assignedAt, skipLevel, owningLeader, acceptanceDue, decidedBy, reasons, supervisingBody, null,
                null);
    }

    /** The routing rules decided. */
    public static final String DECIDED_BY_RULES = "RULES";
    /** A dispatcher decided (reassignment, 交办, the queue resolved). */
    public static final String DECIDED_BY_DISPATCHER = "DISPATCHER";

    /**
     * The leader owning a case (包案领导).
     *
     * @param id    the leader's id in the routing directory, e.g. "511703-L01"
     * @param name  the leader's name
     * @param title the position, e.g. "达川区副区长"
     * @param email where escalations reach the leader
     */
    public record OwningLeader(String id, String name, String title, String email) {
    }
}
