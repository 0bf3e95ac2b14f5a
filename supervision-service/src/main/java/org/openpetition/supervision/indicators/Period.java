package org.openpetition.supervision.indicators;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.openpetition.platform.problem.FieldException;
import org.openpetition.supervision.i18n.Texts;

/**
 * A reporting period (both days included) and the period it is compared with: the one just before,
 * of the same length (环比), or the same days a year earlier (同比).
 */
public record Period(LocalDate from, LocalDate to, LocalDate previousFrom, LocalDate previousTo, Comparison comparison) {

    /** What a period is compared with. */
    public enum Comparison {
        /** 环比: the period of the same length just before. */
        PREVIOUS,
        /** 同比: the same days one year earlier. */
        LAST_YEAR
    }

    /** The longest period one report covers: indicators are read per month, quarter or year. */
    static final int MAX_DAYS = 366 * 2;

    public static Period of(LocalDate from, LocalDate to, Comparison comparison, Texts texts) {
        if (from.isAfter(to)) {
            throw FieldException.of("from", texts.fromAfterTo());
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days > MAX_DAYS) {
            throw FieldException.of("to", texts.periodTooLong(MAX_DAYS));
        }
        return comparison == Comparison.LAST_YEAR
                ? new Period(from, to, from.minusYears(1), to.minusYears(1), comparison)
                : new Period(from, to, from.minusDays(days), from.minusDays(1), comparison);
    }
}
