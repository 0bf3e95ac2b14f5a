package org.openpetition.notification;

/**
 * The messages petition work requires, each with its audience and its template
 * ({@code templates/notices/<KIND>.txt}: subject, body and SMS text, in Chinese and in English).
 */
public enum MessageKind {
    /** 登记回执: the petition was registered; tracking code and query secret. */
    RECEIPT(Audience.PETITIONER),
    /** 越级访: referred to the competent level; which body handles it. */
    REFERRED(Audience.PETITIONER),
    /** 诉访分离: not accepted as a petition; the legal channel to use. */
    DIVERTED(Audience.PETITIONER),
    /** 受理告知书. */
    ACCEPTED(Audience.PETITIONER),
    /** 不予受理告知书, with the reason. */
    NOT_ACCEPTED(Audience.PETITIONER),
    /** 延期告知, with the reason and the new limit. */
    EXTENDED(Audience.PETITIONER),
    /** 答复意见书: the written reply. */
    REPLIED(Audience.PETITIONER),
    /** 满意度评价邀请: the invitation to evaluate the reply. */
    EVALUATION_INVITATION(Audience.PETITIONER),
    /** 复查意见书. */
    REVIEW_OPINION(Audience.PETITIONER),
    /** 复核意见书: the case is final. */
    RE_REVIEW_OPINION(Audience.PETITIONER),
    /** 交办通知: a new case for the department. */
    CASE_ASSIGNED(Audience.DEPARTMENT),
    /** 退回登记: the department's return was recorded and what happens next. */
    CASE_RETURNED(Audience.DEPARTMENT),
    /** 临期预警. */
    DEADLINE_WARNING(Audience.DEPARTMENT),
    /** 超期提醒. */
    OVERDUE(Audience.DEPARTMENT),
    /** 督办单. */
    SUPERVISION_ORDER(Audience.DEPARTMENT),
    /** Escalation to the supervising body. */
    ESCALATION_TO_SUPERVISING_BODY(Audience.SUPERVISING_BODY),
    /** Escalation to the leader owning the case. */
    ESCALATION_TO_LEADER(Audience.OWNING_LEADER),
    /** 超期通报: the circular of overdue units. */
    CIRCULAR(Audience.NAMED_UNITS),
    /** 日报: a locality's daily report (a zero report on a day with nothing to report), to its petition office. */
    DAILY_REPORT(Audience.NAMED_UNITS);

    private final Audience audience;

    MessageKind(Audience audience) {
        this.audience = audience;
    }

    public Audience audience() {
        return audience;
    }

    public String template() {
        return "notices/" + name() + ".txt";
    }
}
