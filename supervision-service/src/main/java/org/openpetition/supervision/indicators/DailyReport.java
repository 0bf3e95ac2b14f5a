package org.openpetition.supervision.indicators;

import java.util.Map;

/**
 * The daily report (日报) of a locality: what happened on one day. A day on which nothing happened
 * still has its report, marked as a zero report (零报告).
 *
 * @param day         the day reported on
 * @param locality    the locality's division code prefix ("" for the whole country)
 * @param zeroReport  nothing happened: no petition, no decision, no reply, no evaluation, no alert
 * @param happened    the day's figures: petitions, repeat, collective, skipLevel, accepted, notAccepted,
 *                    extended, replied, evaluated, reviewRequested, warnings, overdue, supervisionOrders,
 *                    escalations
 * @param standing    the figures at the time of the report: openCases, overdueNow
 * @param finalReport      produced after the day ended and kept as produced; false for a report of today
 * @param producedAt  when it was produced
 */
public record DailyReport(String day, String locality, boolean zeroReport, Map<String, Long> happened,
                          Map<String, Long> standing, boolean finalReport, String producedAt) {
}
