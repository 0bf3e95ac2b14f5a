package org.openpetition.contracts;

import java.util.Optional;
import org.openpetition.contracts.event.CaseLifecycleV1.Step;

/**
 * Where a case stands: the one vocabulary of every service, from registration to closure. A step of
 * case.lifecycle.v1 moves a case to the status {@link #after(Step)} names; intake's own steps (registration,
 * diversion, assignment) set the first three.
 */
public enum CaseStatus {
    /** 已登记: registered, waiting to be routed. */
    REGISTERED,
    /** 诉访分离: not a petition matter; the petitioner is guided to the legal channel. Closed. */
    DIVERTED,
    /** 已转送交办: assigned; the competent body must decide acceptance. */
    ASSIGNED,
    /** 退回: the body returned it before deciding acceptance; it waits to be assigned again. */
    RETURNED,
    /** 已受理: being handled; the written reply is due. */
    ACCEPTED,
    /** 不予受理: not accepted, with a reason. Closed. */
    NOT_ACCEPTED,
    /** 已答复: replied; the petitioner may evaluate and request review. */
    REPLIED,
    /** 复查中: the next-higher body reviews the reply. */
    UNDER_REVIEW,
    /** 已复查: the review opinion was given; the petitioner may request re-review. */
    REVIEWED,
    /** 复核中: the re-review opinion is due. */
    UNDER_RE_REVIEW,
    /** 已终结: final; the same matter on the same facts is not accepted again. Closed. */
    FINAL,
    /** 已撤回 by the petitioner. Closed. */
    WITHDRAWN;

    /** True when nothing can happen to the case any more. */
    public boolean isClosedForGood() {
        return this == FINAL || this == WITHDRAWN || this == DIVERTED;
    }

    /** The status a step leaves a case in, or empty when the step does not change it (延期, 听证, 评价). */
    public static Optional<CaseStatus> after(Step step) {
        return Optional.ofNullable(switch (step) {
            case ACCEPTED -> ACCEPTED;
            case NOT_ACCEPTED -> NOT_ACCEPTED;
            case REPLIED -> REPLIED;
            case REVIEW_REQUESTED -> UNDER_REVIEW;
            case REVIEWED -> REVIEWED;
            case RE_REVIEW_REQUESTED -> UNDER_RE_REVIEW;
            case RE_REVIEWED, FINAL -> FINAL;
            case WITHDRAWN -> WITHDRAWN;
            case RETURNED -> RETURNED;
            case EXTENDED, HEARING_STARTED, HEARING_ENDED, EVALUATED, UNKNOWN -> null;
        });
    }
}
