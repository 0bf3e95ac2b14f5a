package org.openpetition.contracts.event;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A limit of a case needs attention (临期预警、超期、督办、升级). Topic case.deadline.v1, key = caseId.
 * Producer: supervision-service, once per case, limit, due day and alert. Consumers:
 * notification-service (who hears what is resolved from the directory), departmental systems.
 *
 * @param alertId        the alert's id (the supervision order's number for SUPERVISION_ORDER)
 * @param caseId         the case
 * @param trackingCode   the petitioner's tracking code
 * @param alert          one of {@link Alert}
 * @param dueKind        the limit: ACCEPTANCE, REPLY, REVIEW or RE_REVIEW
 * @param due            its last day
 * @param daysOverdue    days past the due day (0 or negative for a warning)
 * @param departmentCode the responsible department
 * @param departmentName its name
 * @param localityCode   where it sits
 * @param at             when the alert was issued
 */
public record CaseDeadlineV1(
        UUID alertId,
        UUID caseId,
        String trackingCode,
        @JsonFormat(with = JsonFormat.Feature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE) Alert alert,
        String dueKind,
        LocalDate due,
        int daysOverdue,
        String departmentCode,
        String departmentName,
        String localityCode,
        Instant at) {

    /** The ladder of a late case, in order. */
    public enum Alert {
        /** 临期预警: the limit runs out soon (configurable lead time); to the handler. */
        WARNING,
        /** 超期: the limit has run out. */
        OVERDUE,
        /** 督办单: a supervision order to the responsible department. */
        SUPERVISION_ORDER,
        /** Escalated to the department's supervising body. */
        ESCALATED_TO_SUPERVISING_BODY,
        /** Escalated to the leader who owns the case (包案领导). */
        ESCALATED_TO_LEADER,
        /** An alert this consumer's version of the contract does not know: skip it. Never produced. */
        @JsonEnumDefaultValue
        UNKNOWN
    }
}
