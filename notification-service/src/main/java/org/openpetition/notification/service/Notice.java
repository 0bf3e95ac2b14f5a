package org.openpetition.notification.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.openpetition.contracts.event.UnitContact;
import org.openpetition.notification.MessageKind;
import org.openpetition.notification.service.template.NoticeData;

/**
 * One message kind owed because of one event, before its recipients are resolved.
 *
 * @param eventId    the event
 * @param caseId     the case (null for a circular or a daily report)
 * @param kind       what to tell
 * @param data       what the kind's template reads (already written for people)
 * @param department the department the event names, for the DEPARTMENT audience (its email may be
 *                   null: then the case's stored assignment gives it)
 * @param addressees the units the event names, for the NAMED_UNITS audience (a circular's, a daily report's)
 * @param eventTime  when the event happened
 * @param atOnce     sent at once even in quiet hours, whatever the kind, while the event is recent: a
 *                   receipt that answers the petitioner's own submission of a moment ago
 */
public record Notice(String eventId, UUID caseId, MessageKind kind, NoticeData data, UnitContact department,
                     List<UnitContact> addressees, Instant eventTime, boolean atOnce) {

    public Notice(String eventId, UUID caseId, MessageKind kind, NoticeData data, UnitContact department,
                  List<UnitContact> addressees, Instant eventTime) {
        this(eventId, caseId, kind, data, department, addressees, eventTime, false);
    }
}
