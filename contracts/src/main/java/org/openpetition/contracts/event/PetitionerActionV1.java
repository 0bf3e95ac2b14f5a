package org.openpetition.contracts.event;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Instant;
import java.util.UUID;

/**
 * Something the petitioner did after registration: evaluated the reply (满意度评价), requested review
 * (复查) or re-review (复核), or withdrew the petition (撤回). Topic petition.action.v1, key = caseId.
 * Producer: intake-service, which checks the window of each action before publishing it.
 * Consumers: supervision-service (limits, indicators), notification-service.
 *
 * @param caseId       the case
 * @param trackingCode the petitioner's tracking code
 * @param action       one of {@link Action}
 * @param at           when the petitioner acted
 * @param evaluation   for EVALUATED: SATISFIED, BASICALLY_SATISFIED or DISSATISFIED; else null
 * @param reason       the petitioner's reason (review request, withdrawal), or null; no personal data is added
 * @param recordedBy   ONLINE when the petitioner acted, or CLERK when a clerk recorded it for them
 */
public record PetitionerActionV1(
        UUID caseId,
        String trackingCode,
        @JsonFormat(with = JsonFormat.Feature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE) Action action,
        Instant at,
        @JsonFormat(with = JsonFormat.Feature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE) Evaluation evaluation,
        String reason,
        String recordedBy) {

    public enum Action {
        /** 满意度评价 of the reply. */
        EVALUATED,
        /** 申请复查: asks the next-higher body to review the reply. */
        REVIEW_REQUESTED,
        /** 申请复核: asks for a re-review of the review opinion. */
        RE_REVIEW_REQUESTED,
        /** 撤回: the petitioner withdrew the petition; the case closes. */
        WITHDRAWN,
        /** An action this consumer's version of the contract does not know: skip it. Never produced. */
        @JsonEnumDefaultValue
        UNKNOWN
    }

    public enum Evaluation {
        /** 满意 */
        SATISFIED,
        /** 基本满意 */
        BASICALLY_SATISFIED,
        /** 不满意 */
        DISSATISFIED,
        /** A grade this consumer's version of the contract does not know. Never produced. */
        @JsonEnumDefaultValue
        UNKNOWN
    }
}
