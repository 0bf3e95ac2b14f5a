package org.openpetition.notification.service.template;

import org.openpetition.contracts.event.CaseReturnedV1;
import org.openpetition.notification.service.NoticeWords;

/** CASE_RETURNED: a department's return of a case, recorded, and where the case goes next. */
public record ReturnData(String trackingCode, String trackingUrl, String departmentName, String reason,
                         String returnedAt, int returnCount, int maxReturns, boolean toDispatcher) implements NoticeData {

    /** The value of {@code next} when the case waits for a dispatcher. */
    static final String DISPATCHER_QUEUE = "DISPATCHER_QUEUE";

    public static ReturnData of(CaseReturnedV1 r, NoticeWords words) {
        return new ReturnData(r.trackingCode(), words.trackingUrl(), r.departmentName(), r.reason(),
                words.time(r.returnedAt()), r.returnCount(), r.maxReturns(), DISPATCHER_QUEUE.equals(r.next()));
    }
}
