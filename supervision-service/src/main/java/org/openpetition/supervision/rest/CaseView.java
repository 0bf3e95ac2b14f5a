package org.openpetition.supervision.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.openpetition.contracts.event.UnitContact;
import org.openpetition.supervision.SupervisedCase;

/** A case's clock as the API shows it: where it stands and which limit runs until when. */
public record CaseView(UUID caseId, String trackingCode, String departmentCode, String departmentName, String localityCode,
                       String status, Instant receivedAt, Instant assignedAt, LocalDate acceptanceDue,
                       Instant acceptedAt, LocalDate replyDue, Integer extendedDays, Instant repliedAt,
                       String evaluation, Instant reviewRequestedAt, Instant reviewedAt, Instant reReviewRequestedAt,
                       boolean hearingRunning, int hearingDays, LocalDate due, String dueKind, LocalDate overdueSince,
                       LocalDate nextAlertOn, Instant closedAt, Instant acceptanceDecidedAt,
                       Instant evaluatedAt, int assignments, boolean skipLevel, String departmentEmail,
                       UnitContact supervisingBody) {

    static CaseView of(SupervisedCase c) {
        return new CaseView(c.caseId, c.trackingCode, c.departmentCode, c.departmentName, c.localityCode, c.status.name(),
                c.receivedAt, c.assignedAt, c.acceptanceDue, c.acceptedAt, c.replyDue, c.extendedDays, c.repliedAt,
                c.evaluation, c.reviewRequestedAt, c.reviewedAt, c.reReviewRequestedAt, c.hearingStartedAt != null,
                c.hearingDays, c.due, c.dueKind == null ? null : c.dueKind.name(), c.overdueSince, c.nextAlertOn, c.closedAt,
                c.acceptanceDecidedAt, c.evaluatedAt, c.assignments, c.skipLevel, c.departmentEmail,
                c.supervisingCode == null ? null : new UnitContact(c.supervisingCode, c.supervisingName, c.supervisingEmail));
    }
}
