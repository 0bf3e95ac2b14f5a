package org.openpetition.supervision.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.openpetition.platform.problem.FieldException;
import org.openpetition.supervision.i18n.Texts;

/** What the report endpoints share: ISO days in query parameters, with a clear error naming the parameter. */
final class ReportSupport {

    private ReportSupport() {
    }

    static LocalDate parse(String field, String value, LocalDate fallback, Texts texts) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw FieldException.of(field, texts.notADate());
        }
    }
}
