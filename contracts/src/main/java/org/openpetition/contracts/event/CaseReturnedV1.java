package org.openpetition.contracts.event;

import java.time.Instant;
import java.util.UUID;

/**
 * A department returned a case assigned to it by mistake (退回), with its reason. Topic
 * case.returned.v1, key = caseId. Routing routes the case again without every department that
 * returned it (a new case.assigned.v1 follows), or, when the return limit is reached or nothing else is
 * competent, puts it in the dispatcher's queue. The returning department's acceptance clock stops.
 *
 * @param caseId         the case
 * @param trackingCode   the petitioner's tracking code
 * @param departmentCode the department that returned it
 * @param departmentName its name
 * @param reason         the department's reason (required)
 * @param returnCount    how many times the case has been returned, this return included
 * @param maxReturns     the limit of returns (configuration); at the limit the case goes to a dispatcher
 * @param next           REROUTED (a new case.assigned.v1 follows) or DISPATCHER_QUEUE
 * @param returnedAt     when it was returned
 */
public record CaseReturnedV1(
        UUID caseId,
        String trackingCode,
        String departmentCode,
        String departmentName,
        String reason,
        int returnCount,
        int maxReturns,
        String next,
        Instant returnedAt) {
}
