package org.openpetition.intake;

/**
 * What happened to a petition, as its timeline (petition_status) shows the petitioner: intake's own steps
 * (registration, diversion, assignment), the steps of case.lifecycle.v1 the petitioner sees, and the
 * petitioner's own actions. Where the case stands after a step is its {@link org.openpetition.contracts.CaseStatus}.
 * The labels are in the message bundle ({@link org.openpetition.intake.i18n.Messages#step}).
 */
public enum TimelineStep {
    /** 已登记 */
    REGISTERED,
    /** 诉访分离: directed to the legal channel. */
    DIVERTED,
    /** 已转送交办 */
    ASSIGNED,
    /** 重复访: handled with the earlier case of the same matter (shown, not stored: PetitionTracking). */
    LINKED_TO_EARLIER,
    ACCEPTED,
    NOT_ACCEPTED,
    /** The handling limit was extended, with the reason. */
    EXTENDED,
    REPLIED,
    /** The petitioner evaluated the reply. */
    EVALUATED,
    /** The petitioner requested review. */
    REVIEW_REQUESTED,
    REVIEWED,
    /** The petitioner requested re-review. */
    RE_REVIEW_REQUESTED,
    RE_REVIEWED,
    FINAL,
    /** The petitioner withdrew the petition. */
    WITHDRAWN
}
