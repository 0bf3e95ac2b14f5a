package org.openpetition.contracts.event;

import java.time.Instant;
import java.util.UUID;

/**
 * A step in the life of a case after assignment (受理、延期、答复、复查、复核、终结 ...). Topic
 * case.lifecycle.v1, key = caseId. Producer: supervision-service. Consumers: intake-service (the
 * petitioner's timeline and the windows for evaluation and review), notification-service,
 * departmental systems.
 *
 * @param caseId         the case
 * @param trackingCode   the petitioner's tracking code
 * @param step           what happened, one of {@link Step}
 * @param at             when it happened; windows and limits run from here
 * @param departmentCode the body that took the step (for REVIEWED and RE_REVIEWED: the reviewing body)
 * @param departmentName its name
 * @param reason         the reason given (not accepted, extended, ...), readable by the petitioner; or null
 * @param dueAt          the limit that now runs (acceptance, reply, review opinion ...), or null
 */
public record CaseLifecycleV1(
        UUID caseId,
        String trackingCode,
        String step,
        Instant at,
        String departmentCode,
        String departmentName,
        String reason,
        Instant dueAt) {

    /** The steps, in the order a case normally takes them. */
    public enum Step {
        /** 受理: the competent body accepted the matter. */
        ACCEPTED,
        /** 不予受理: not accepted, with a reason; closes the case. */
        NOT_ACCEPTED,
        /** 延期: the handling limit was extended once, with a reason. */
        EXTENDED,
        /** 答复: the written reply was given (办结); the evaluation and review windows open. */
        REPLIED,
        /** 复查意见: the next-higher body gave its review opinion; the re-review window opens. */
        REVIEWED,
        /** 复核意见: the re-review opinion was given. */
        RE_REVIEWED,
        /** 终结: final; the same matter on the same facts is not accepted again. */
        FINAL
    }
}
