package org.openpetition.supervision.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.openpetition.platform.problem.FieldException;

/** What the report endpoints share: ISO days in query parameters, with a clear error naming the parameter, and CSV text cells. */
final class ReportSupport {

    private ReportSupport() {
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
