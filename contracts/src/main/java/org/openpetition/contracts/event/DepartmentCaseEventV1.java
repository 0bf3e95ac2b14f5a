package org.openpetition.contracts.event;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An event of a department's own feed, topic dept.&lt;department code&gt;.cases.v1, key = caseId: what a
 * departmental system needs to follow its cases and nothing else. It names no other unit, no accused
 * party, no petitioner and carries no text written by others; the system reads the case itself through
 * the services' APIs with its own token, which are scoped to its department (docs/security.md).
 *
 * @param caseId          the case
 * @param trackingCode    the petitioner's tracking code
 * @param departmentCode  the department whose feed this is
 * @param event           ASSIGNED (the case is now the department's), NO_LONGER_ASSIGNED (reassigned elsewhere
 *                        or returned), a step of the case as case.lifecycle.v1 names it (ACCEPTED, NOT_ACCEPTED,
 *                        EXTENDED, HEARING_STARTED, HEARING_ENDED, REPLIED, EVALUATED, REVIEW_REQUESTED, REVIEWED,
 *                        RE_REVIEW_REQUESTED, RE_REVIEWED, WITHDRAWN (by the petitioner), FINAL, ...) or an alert on
 *                        its limit as case.deadline.v1 names it (WARNING, OVERDUE, SUPERVISION_ORDER, ESCALATION)
 * @param at              when it happened
 * @param subjectCategory the subject category of the case (in ASSIGNED and NO_LONGER_ASSIGNED; null in the others)
 * @param localityCode    the competent locality
 * @param due             the limit now running for the department (the acceptance or reply deadline), if any
 * @param dueKind         which limit {@code due} is: ACCEPTANCE, REPLY, ... ; null with {@code due}
 */
public record DepartmentCaseEventV1(
        UUID caseId,
        String trackingCode,
        String departmentCode,
        String event,
        Instant at,
        String subjectCategory,
        String localityCode,
        LocalDate due,
        String dueKind) {

    public static final String ASSIGNED = "ASSIGNED";
    public static final String NO_LONGER_ASSIGNED = "NO_LONGER_ASSIGNED";
}
