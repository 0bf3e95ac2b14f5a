package org.openpetition.contracts.event;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A daily report (日报) of a locality was produced: what happened on one finished day, a zero report
 * (零报告) when nothing did. Topic supervision.daily-report.v1, key = reportId; one event per report, however
 * many replicas produce it. Producer: supervision-service (after midnight). Consumers: notification-service
 * sends it to the recipients; departmental systems.
 *
 * @param reportId       the report
 * @param day            the day reported on
 * @param localityPrefix the locality: cases whose locality code starts with this ("" for the whole country)
 * @param zeroReport     nothing happened that day
 * @param happened       the day's figures, in this order: petitions, repeat, collective, skipLevel, accepted,
 *                       notAccepted, extended, replied, evaluated, reviewRequested, warnings, overdue,
 *                       supervisionOrders, escalations
 * @param standing       the figures when it was produced: openCases, overdueNow
 * @param producedAt     when it was produced
 * @param recipients     who receives it (the locality's petition office, as configured in supervision-service);
 *                       may be empty
 */
public record DailyReportV1(
        UUID reportId,
        LocalDate day,
        String localityPrefix,
        boolean zeroReport,
        Map<String, Long> happened,
        Map<String, Long> standing,
        Instant producedAt,
        List<UnitContact> recipients) {
}
