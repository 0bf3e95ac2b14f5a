package org.openpetition.notification.service.template;

import org.openpetition.contracts.event.CaseDeadlineV1;
import org.openpetition.notification.service.NoticeWords;

/**
 * DEADLINE_WARNING, OVERDUE, SUPERVISION_ORDER and the escalations: which limit of a case runs out or ran
 * out, and by how many days.
 */
public record DeadlineData(String trackingCode, String trackingUrl, String departmentName, String alertId,
                           String dueKindZh, String dueKindEn, String dueZh, String dueEn, int daysOverdue,
                           int daysLeft, String issuedAt) implements NoticeData {

    public static DeadlineData of(CaseDeadlineV1 d, NoticeWords words) {
        return new DeadlineData(d.trackingCode(), words.trackingUrl(), d.departmentName(),
                d.alertId() == null ? null : d.alertId().toString(), words.dueKindZh(d.dueKind()),
                words.dueKindEn(d.dueKind()), d.due() == null ? "" : words.dateZh(d.due()),
                d.due() == null ? "" : words.dateEn(d.due()), Math.max(d.daysOverdue(), 0),
                Math.max(-d.daysOverdue(), 0), words.time(d.at()));
    }
}
