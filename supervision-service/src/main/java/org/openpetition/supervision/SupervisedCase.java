package org.openpetition.supervision;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.openpetition.contracts.CaseStatus;

/** A case on the clock: the aggregate of supervision-service. */
@Entity
@Table(name = "supervised_case")
public class SupervisedCase {

    @Id
    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "tracking_code", nullable = false)
    public String trackingCode;

    @Column(name = "department_code", nullable = false)
    public String departmentCode;

    @Column(name = "department_name")
    public String departmentName;

    /** Where the department receives notices (case.assigned.v1), or null if not known. */
    @Column(name = "department_email")
    public String departmentEmail;

    /** The department's supervising body (上级主管单位, from routing's directory): it reviews the case (复查); null if not known. */
    @Column(name = "supervising_code")
    public String supervisingCode;

    @Column(name = "supervising_name")
    public String supervisingName;

    @Column(name = "supervising_email")
    public String supervisingEmail;

    @Column(name = "locality_code", nullable = false)
    public String localityCode;

    /** 包案领导: the leader owning the case (its directory id), or null. */
    @Column(name = "owning_leader_id")
    public String owningLeaderId;

    /** The subject category routing decided for (case.assigned.v1), or null from older producers. */
    @Column(name = "subject_category")
    public String subjectCategory;

    /**
     * The petition's kind (SOLUTION_REQUEST, SUGGESTION, ACCUSATION, ENQUIRY; petition.submitted.v1), or null
     * while the petition is not recorded.
     */
    public String kind;

    /** For an accusation (检举控告): the accused unit's directory code as the petitioner gave it, or null. */
    @Column(name = "accused_unit_code")
    public String accusedUnitCode;

    /** The units that handled the case before it was reassigned, comma-separated in order; empty if none. */
    @Column(name = "former_departments", nullable = false)
    public String formerDepartments = "";

    /**
     * Where the case stands (the contracts' vocabulary): ASSIGNED (acceptance due by {@code acceptanceDue}),
     * ACCEPTED (reply due by {@code replyDue}), NOT_ACCEPTED, REPLIED, UNDER_REVIEW, REVIEWED, UNDER_RE_REVIEW,
     * FINAL, WITHDRAWN, or RETURNED (退回 before acceptance was decided: no clock runs until it is assigned
     * again; {@code departmentCode} is still the returning one).
     */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CaseStatus status;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "assigned_at", nullable = false)
    public Instant assignedAt;

    /** 受理期限: the last day on which the department must decide acceptance. */
    @Column(name = "acceptance_due", nullable = false)
    public LocalDate acceptanceDue;

    /** The limit that runs now (受理, 办理, 复查, 复核), or null when none runs: the sweep watches this date. */
    public LocalDate due;

    @Enumerated(EnumType.STRING)
    @Column(name = "due_kind")
    public DueKind dueKind;

    @Column(name = "accepted_at")
    public Instant acceptedAt;

    /** When acceptance was decided, either way (受理 or 不予受理): the timely-acceptance indicator. */
    @Column(name = "acceptance_decided_at")
    public Instant acceptanceDecidedAt;

    /** 办理期限: the last day for the written reply, extension and hearings included. */
    @Column(name = "reply_due")
    public LocalDate replyDue;

    /** Days of the one extension (延期), or null if the limit was never extended. */
    @Column(name = "extended_days")
    public Integer extendedDays;

    @Column(name = "replied_at")
    public Instant repliedAt;

    /**
     * The last day of the petitioner's window to evaluate the reply and request review (the case's
     * jurisdiction's reviewRequestDays from the reply), or null before the reply: the participation
     * indicator counts a missing evaluation after it.
     */
    @Column(name = "evaluation_window_last_day")
    public LocalDate evaluationWindowLastDay;

    /** When the running hearing (听证) started; null when none runs. */
    @Column(name = "hearing_started_at")
    public Instant hearingStartedAt;

    /** Days spent in hearings so far; they do not count against the limits. */
    @Column(name = "hearing_days", nullable = false)
    public int hearingDays;

    public String evaluation;

    @Column(name = "evaluated_at")
    public Instant evaluatedAt;

    /** How many units the case was assigned to; 1 while the first assigned unit keeps it (一次性化解率). */
    @Column(nullable = false)
    public int assignments = 1;

    /** 越级: the petition was addressed above the competent level (routing's decision); counted as such. */
    @Column(name = "skip_level", nullable = false)
    public boolean skipLevel;

    @Column(name = "review_requested_at")
    public Instant reviewRequestedAt;

    @Column(name = "reviewed_at")
    public Instant reviewedAt;

    @Column(name = "re_review_requested_at")
    public Instant reReviewRequestedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    /** How many rungs of the alert ladder of the running limit were climbed (warning, overdue, ...). */
    @Column(name = "alert_level", nullable = false)
    public int alertLevel;

    /** The day the next alert falls due; null when none will (no limit runs, a hearing runs, ladder done). */
    @Column(name = "next_alert_on")
    public LocalDate nextAlertOn;

    /** The first overdue day of the running limit, or null while it is kept. */
    @Column(name = "overdue_since")
    public LocalDate overdueSince;

    /** An accusation (检举控告): its accused never sees it (docs/security.md). */
    public boolean accusation() {
        return "ACCUSATION".equals(kind);
    }

    /** Runs {@code kind}'s limit until {@code day}, or none; the alert ladder starts again for it. */
    public void dueOn(LocalDate day, DueKind kind) {
        this.due = day;
        this.dueKind = day == null ? null : kind;
        this.alertLevel = 0;
        this.nextAlertOn = null;
        this.overdueSince = null;
    }

    /** Which limit runs. */
    public enum DueKind {
        /** 受理期限 */
        ACCEPTANCE,
        /** 办理期限 (reply) */
        REPLY,
        /** 复查期限 */
        REVIEW,
        /** 复核期限 */
        RE_REVIEW
    }
}
