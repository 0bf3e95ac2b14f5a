package org.openpetition.contracts.event;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A circular of overdue units (超期通报) was issued for an area and period. Topic
 * supervision.circular.v1, key = circularId. Producer: supervision-service (on its schedule or when a
 * supervisor issues one). Consumers: notification-service sends it to every listed unit and to their
 * supervising bodies; departmental systems.
 *
 * @param circularId     the circular
 * @param localityPrefix the area: units whose locality code starts with this ("" for the whole country)
 * @param from           first day of the period
 * @param to             last day of the period
 * @param issuedAt       when it was issued
 * @param lines          one line per unit with something overdue or issued, worst first
 */
public record CircularV1(
        UUID circularId,
        String localityPrefix,
        LocalDate from,
        LocalDate to,
        Instant issuedAt,
        List<Line> lines) {

    /**
     * One unit's line.
     *
     * @param department        the unit (with the email it receives notices at)
     * @param localityCode      where it sits
     * @param overdueNow        its cases overdue when the circular was issued
     * @param supervisionOrders supervision orders (督办单) issued to it in the period
     * @param escalations       escalations of its cases in the period
     * @param supervisingBody   its supervising body, or null if not known
     */
    public record Line(UnitContact department, String localityCode, long overdueNow, long supervisionOrders,
                       long escalations, UnitContact supervisingBody) {
    }
}
