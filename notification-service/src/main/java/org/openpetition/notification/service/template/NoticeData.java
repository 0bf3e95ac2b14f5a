package org.openpetition.notification.service.template;

/**
 * What a notice's template reads, one record per kind of template ({@code templates/notices/<KIND>.txt}
 * declares its record as the parameter {@code notice}, so that every expression is checked against it when
 * the service is built). Everything is already written for people: times and dates in Beijing time, names
 * in Chinese and in English.
 */
public sealed interface NoticeData
        permits ReceiptData, AssignmentData, DiversionData, ReturnData, StepData, DeadlineData, CircularData,
        DailyReportData {
}
