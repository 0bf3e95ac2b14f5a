package org.openpetition.contracts;

/**
 * CloudEvents 1.0 attributes in the Kafka protocol binding, binary content mode: every record
 * carries them as headers ("ce_" + attribute name) and its value is the event data as JSON.
 * Any Kafka consumer can route on the headers without parsing the value.
 */
public final class CloudEvent {

    public static final String SPEC_VERSION = "1.0";
    public static final String DATA_CONTENT_TYPE = "application/json";

    public static final String HEADER_SPEC_VERSION = "ce_specversion";
    public static final String HEADER_ID = "ce_id";
    public static final String HEADER_SOURCE = "ce_source";
    public static final String HEADER_TYPE = "ce_type";
    public static final String HEADER_TIME = "ce_time";
    public static final String HEADER_SUBJECT = "ce_subject";
    public static final String HEADER_DATA_SCHEMA = "ce_dataschema";
    public static final String HEADER_CONTENT_TYPE = "content-type";

    /** Event type of {@link org.openpetition.contracts.event.PetitionSubmittedV1}. */
    public static final String TYPE_PETITION_SUBMITTED_V1 = "org.openpetition.petition.submitted.v1";
    /** Event type of {@link org.openpetition.contracts.event.CaseAssignedV1}. */
    public static final String TYPE_CASE_ASSIGNED_V1 = "org.openpetition.case.assigned.v1";
    /** Event type of {@link org.openpetition.contracts.event.CaseDivertedV1}. */
    public static final String TYPE_CASE_DIVERTED_V1 = "org.openpetition.case.diverted.v1";
    /** Event type of {@link org.openpetition.contracts.event.CaseReturnedV1}. */
    public static final String TYPE_CASE_RETURNED_V1 = "org.openpetition.case.returned.v1";
    /** Event type of {@link org.openpetition.contracts.event.CaseLifecycleV1}. */
    public static final String TYPE_CASE_LIFECYCLE_V1 = "org.openpetition.case.lifecycle.v1";
    /** Event type of {@link org.openpetition.contracts.event.CaseDeadlineV1}. */
    public static final String TYPE_CASE_DEADLINE_V1 = "org.openpetition.case.deadline.v1";
    /** Event type of {@link org.openpetition.contracts.event.PetitionerActionV1}. */
    public static final String TYPE_PETITION_ACTION_V1 = "org.openpetition.petition.action.v1";

    /** Event type of {@link org.openpetition.contracts.event.PetitionerContactV1}. */
    public static final String TYPE_PETITIONER_CONTACT_V1 = "org.openpetition.petitioner.contact.v1";
    /** Event type of {@link org.openpetition.contracts.event.CircularV1}. */
    public static final String TYPE_SUPERVISION_CIRCULAR_V1 = "org.openpetition.supervision.circular.v1";
    /** Event type of {@link org.openpetition.contracts.event.DailyReportV1}. */
    public static final String TYPE_SUPERVISION_DAILY_REPORT_V1 = "org.openpetition.supervision.daily-report.v1";
    /** Event type of {@link org.openpetition.contracts.event.NotificationFailedV1}. */
    /** An event of a department's own feed (dept.&lt;code&gt;.cases.v1). */
    public static final String TYPE_DEPARTMENT_CASE_V1 = "org.openpetition.department.case.v1";
    public static final String TYPE_NOTIFICATION_FAILED_V1 = "org.openpetition.notification.failed.v1";

    private CloudEvent() {
    }

    /** The schema URI of an event type: the contract's name and major version. */
    public static String dataSchema(String type) {
        return "urn:openpetition:contracts:" + type.substring("org.openpetition.".length());
    }
}
