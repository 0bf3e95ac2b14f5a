package org.openpetition.contracts.event;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A step in the life of a case after assignment (受理、延期、答复、复查、复核、终结 ...). Topic
 * case.lifecycle.v1, key = caseId. Producer: supervision-service. Consumers: intake-service (the
 * petitioner's timeline and the windows for evaluation and review), notification-service,
 * departmental systems. A consumer reads a step added by a later version of the contract as {@link Step#UNKNOWN}
 * and skips it.
 *
 * @param caseId         the case
 * @param trackingCode   the petitioner's tracking code
 * @param step           what happened, one of {@link Step}
 * @param at             when it happened; windows and limits run from here
 * @param departmentCode the body that took the step (for REVIEWED and RE_REVIEWED: the reviewing body)
 * @param departmentName its name
 * @param reason         the reason given (not accepted, extended, ...), readable by the petitioner; or null
 * @param dueAt          the limit that now runs (acceptance, reply, review opinion ...), or null
 * @param text           the written reply (答复意见书) or the review / re-review opinion, for REPLIED,
 *                       REVIEWED and RE_REVIEWED; else null
 * @param windowLastDay  for REPLIED: the last day on which the petitioner may evaluate the reply and request
 *                       review; for REVIEWED: the last day to request re-review (the jurisdiction's windows,
 *                       Beijing time); else null. Added compatibly: null from an older producer
 */
public record CaseLifecycleV1(
        UUID caseId,
        String trackingCode,
        @JsonFormat(with = JsonFormat.Feature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE) Step step,
        Instant at,
        String departmentCode,
        String departmentName,
        String reason,
        Instant dueAt,
        String text,
        LocalDate windowLastDay) {

    /** The steps, in the order a case normally takes them. */
    public enum Step {
        /** 受理: the competent body accepted the matter. */
        ACCEPTED,
        /** 不予受理: not accepted, with a reason; closes the case. */
        NOT_ACCEPTED,
        /** 延期: the handling limit was extended once, with a reason. */
        EXTENDED,
        /** 听证: a hearing started; its time does not count against the running limit. */
        HEARING_STARTED,
        /** The hearing ended; the running limit moved by its length. */
        HEARING_ENDED,
        /** 答复: the written reply was given (办结); the evaluation and review windows open. */
        REPLIED,
        /** The petitioner evaluated the reply (from petition.action.v1). */
        EVALUATED,
        /** The petitioner requested review (复查) by the next-higher body (from petition.action.v1). */
        REVIEW_REQUESTED,
        /** 复查意见: the next-higher body gave its review opinion; the re-review window opens. */
        REVIEWED,
        /** The petitioner requested re-review (复核) (from petition.action.v1). */
        RE_REVIEW_REQUESTED,
        /** 复核意见: the re-review opinion was given. */
        RE_REVIEWED,
        /** The petitioner withdrew the petition (from petition.action.v1); the case closes. */
        WITHDRAWN,
        /** 终结: final; the same matter on the same facts is not accepted again. */
        FINAL,
        /**
         * 退回: the department returned the case before deciding acceptance (from case.returned.v1); its
         * acceptance limit stops. A case.assigned.v1 follows when routing routes it again, else it waits for a
         * dispatcher. Added compatibly: consumers skip steps they do not know.
         */
        RETURNED,
        /** A step this consumer's version of the contract does not know: skip it. Never produced. */
        @JsonEnumDefaultValue
        UNKNOWN
    }
}
