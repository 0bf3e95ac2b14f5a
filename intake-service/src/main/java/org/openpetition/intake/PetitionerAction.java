package org.openpetition.intake;

/** What a petitioner may do after registration (信访工作条例): evaluate, ask for review, withdraw. */
public enum PetitionerAction {
    /** 满意度评价 of the written reply, within the evaluation window. */
    EVALUATE,
    /** 申请复查 by the next-higher body, within the review window after the reply. */
    REQUEST_REVIEW,
    /** 申请复核 of the review opinion, within the window after it. */
    REQUEST_RE_REVIEW,
    /** 撤回 the petition while the case is open. */
    WITHDRAW
}
