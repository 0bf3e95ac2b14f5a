package org.openpetition.notification.service.template;

import org.openpetition.contracts.event.CaseAssignedV1;
import org.openpetition.notification.service.NoticeWords;

/**
 * CASE_ASSIGNED and REFERRED: the department a case went to, and why. The reason in English is the
 * event's {@code reasonEn}; an older event has none, and its (Chinese) {@code reason} stands instead.
 */
public record AssignmentData(String trackingCode, String trackingUrl, String departmentName, String receivedAt,
                             String assignedAt, String reasonZh, String reasonEn, String localityCode,
                             String categoryZh, String categoryEn, String acceptanceDueZh, String acceptanceDueEn,
                             String leaderName) implements NoticeData {

    public static AssignmentData of(CaseAssignedV1 a, NoticeWords words) {
        return new AssignmentData(a.trackingCode(), words.trackingUrl(), a.departmentName(), words.time(a.receivedAt()),
                words.time(a.assignedAt()), a.reason(), a.reasonEn() != null ? a.reasonEn() : a.reason(), a.localityCode(),
                words.categoryZh(a.subjectCategory()), words.categoryEn(a.subjectCategory()),
                words.dateZh(a.acceptanceDue()), words.dateEn(a.acceptanceDue()),
                a.owningLeader() == null ? null : a.owningLeader().name());
    }
}
