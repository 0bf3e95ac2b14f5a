package org.openpetition.contracts;

/**
 * Kafka topic names. A topic name carries the major version of its contract: a breaking change
 * gets a new topic (".v2") that runs beside the old one until every subscriber has moved.
 * The record key of every topic is the case id, so all events of one case stay in order.
 */
public final class Topics {

    /** A petition was registered by intake-service (登记). Producer: intake-service. */
    public static final String PETITION_SUBMITTED_V1 = "petition.submitted.v1";

    /** A case was assigned to the competent department (转送/交办). Producer: routing-service. */
    public static final String CASE_ASSIGNED_V1 = "case.assigned.v1";

    /**
     * A petition belongs to litigation, arbitration or administrative reconsideration, or a court or
     * procuratorate is handling it (诉访分离): not accepted as a petition; the petitioner is told which legal
     * channel to use. Producer: routing-service.
     */
    public static final String CASE_DIVERTED_V1 = "case.diverted.v1";

    /** A department returned a wrongly assigned case (退回) with its reason. Producer: routing-service. */
    public static final String CASE_RETURNED_V1 = "case.returned.v1";

    /** A step of a case after assignment (受理、延期、答复、复查、复核、终结). Producer: supervision-service. */
    public static final String CASE_LIFECYCLE_V1 = "case.lifecycle.v1";

    /** A limit of a case needs attention: warning, overdue, supervision order, escalation. Producer: supervision-service. */
    public static final String CASE_DEADLINE_V1 = "case.deadline.v1";

    /** The petitioner evaluated, requested review or withdrew. Producer: intake-service. */
    public static final String PETITION_ACTION_V1 = "petition.action.v1";

    /**
     * How to reach the petitioners of a new petition, for their notices. Personal data: read by
     * notification-service only. Producer: intake-service.
     */
    public static final String PETITIONER_CONTACT_V1 = "petitioner.contact.v1";

    /** A circular of overdue units (超期通报) was issued. Producer: supervision-service. */
    public static final String SUPERVISION_CIRCULAR_V1 = "supervision.circular.v1";
    /** A daily report (日报) of a locality was produced. Producer: supervision-service. */
    public static final String SUPERVISION_DAILY_REPORT_V1 = "supervision.daily-report.v1";

    /**
     * Messages notification-service gave up on after its retries (or whose outcome a crash made
     * uncertain), with the reason, for operators. Producer: notification-service.
     */
    public static final String NOTIFICATION_DELIVERY_DLQ = "notification.delivery.dlq";

    /** The prefix of every departmental feed topic: the prefix a department's Kafka ACL covers is {@code dept.<code>.}. */
    public static final String DEPARTMENT_FEED_PREFIX = "dept.";

    /**
     * A department's own feed of its cases (dept.&lt;department code&gt;.cases.v1), the only topic its
     * departmental system may read: {@link org.openpetition.contracts.event.DepartmentCaseEventV1}.
     * Producers: routing-service (assigned, withdrawn) and supervision-service (the steps and limits).
     */
    public static String departmentFeed(String departmentCode) {
        if (departmentCode == null || !departmentCode.matches("[A-Za-z0-9-]{1,100}")) {
            throw new IllegalArgumentException("not a department code for a topic name: " + departmentCode);
        }
        return DEPARTMENT_FEED_PREFIX + departmentCode + ".cases.v1";
    }

    private Topics() {
    }
}
