package org.openpetition.notification.service.template;

import java.time.LocalDate;
import org.openpetition.contracts.event.CaseLifecycleV1;
import org.openpetition.notification.service.NoticeWords;

/**
 * ACCEPTED, NOT_ACCEPTED, EXTENDED, REPLIED, EVALUATION_INVITATION, REVIEW_OPINION and RE_REVIEW_OPINION:
 * a step of the case, the limit that now runs and, after a reply or a review opinion, the last day of the
 * petitioner's window (null for the other steps).
 */
public record StepData(String trackingCode, String trackingUrl, String departmentName, String at, String reason,
                       String text, String dueZh, String dueEn, String windowZh, String windowEn) implements NoticeData {

    /** @param windowLastDay the last day of the petitioner's window, or null */
    public static StepData of(CaseLifecycleV1 l, LocalDate windowLastDay, NoticeWords words) {
        LocalDate due = l.dueAt() == null ? null : words.day(l.dueAt());
        return new StepData(l.trackingCode(), words.trackingUrl(), l.departmentName(), words.time(l.at()), l.reason(),
                l.text(), words.dateZh(due), words.dateEn(due), words.dateZh(windowLastDay), words.dateEn(windowLastDay));
    }
}
