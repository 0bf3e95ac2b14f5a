package org.openpetition.supervision.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.openpetition.platform.problem.FieldException;

/** Dates in query parameters: ISO days (2026-11-01), with a clear error naming the parameter. */
final class ReportDates {

    private ReportDates() {
    }

    static LocalDate parse(String field, String value, LocalDate fallback) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw FieldException.of(field, "须为日期，如 2026-11-01 / must be a date such as 2026-11-01");
        }
    }

    static String csvText(String s) {
        return s == null ? "" : '"' + s.replace("\"", "\"\"") + '"';
    }
}
