package org.openpetition.intake;

/** Where a petition stands, as the petitioner is told. */
public enum PetitionStatus {
    /** 已登记: registered, waiting to be routed. */
    REGISTERED("已登记", "Registered"),
    /** 诉访分离: not a petition matter; the petitioner is guided to the legal channel (litigation, arbitration, ...). */
    DIVERTED("已导入法定途径", "Directed to the legal channel"),
    /** 已转送/交办: assigned to the competent body. */
    ASSIGNED("已转送交办", "Assigned to the competent body"),
    /** 已受理 */
    ACCEPTED("已受理", "Accepted"),
    /** 不予受理: with the reason. */
    NOT_ACCEPTED("不予受理", "Not accepted"),
    /** 已延期: the handling limit was extended, with the reason. */
    EXTENDED("办理期限已延长", "Handling time extended"),
    /** 已答复: the written reply was given. */
    REPLIED("已答复", "Replied"),
    /** 已评价 */
    EVALUATED("已评价", "Evaluated"),
    /** 已申请复查 */
    REVIEW_REQUESTED("已申请复查", "Review requested"),
    /** 已出具复查意见 */
    REVIEWED("已复查", "Reviewed"),
    /** 已申请复核 */
    RE_REVIEW_REQUESTED("已申请复核", "Re-review requested"),
    /** 已出具复核意见 */
    RE_REVIEWED("已复核", "Re-reviewed"),
    /** 已终结 */
    FINAL("已终结", "Final"),
    /** 已撤回 */
    WITHDRAWN("已撤回", "Withdrawn");

    private final String chinese;
    private final String english;

    PetitionStatus(String chinese, String english) {
        this.chinese = chinese;
        this.english = english;
    }

    public String chinese() {
        return chinese;
    }

    public String english() {
        return english;
    }
}
