package org.openpetition.supervision.calendar;

import org.openpetition.contracts.rules.DayUnit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Real dates of the official calendar shipped with the service. */
class DeadlineCalculatorTest {

    private final WorkCalendar calendar = WorkCalendar.fromClasspath(2000, 2100);
    private final DeadlineCalculator deadlines = new DeadlineCalculator(calendar);

    @Test
    void calendarKnowsTheShippedYears() {
        assertTrue(calendar.years().containsAll(java.util.List.of(2023, 2024, 2025, 2026)));
    }

    @Test
    void springFestival2026() {
        assertTrue(calendar.isRestDay(LocalDate.of(2026, 2, 17)), "初一 holiday");
        assertTrue(calendar.isRestDay(LocalDate.of(2026, 2, 23)), "Monday off in lieu");
        assertFalse(calendar.isRestDay(LocalDate.of(2026, 2, 14)), "make-up working Saturday");
        // 15 calendar days after 1 Feb is 16 Feb, inside the holiday: due the first working day after it
        assertEquals(LocalDate.of(2026, 2, 24), deadlines.due(LocalDate.of(2026, 2, 1), 15, DayUnit.CALENDAR));
    }

    @Test
    void nationalDay2025() {
        // 16 Sep + 15 = 1 Oct, National Day; the holiday runs to 8 Oct
        assertEquals(LocalDate.of(2025, 10, 9), deadlines.due(LocalDate.of(2025, 9, 16), 15, DayUnit.CALENDAR));
        // a deadline on the make-up working Saturday 11 Oct stays there
        assertEquals(LocalDate.of(2025, 10, 11), deadlines.due(LocalDate.of(2025, 9, 26), 15, DayUnit.CALENDAR));
    }

    @Test
    void workingDaysSkipHolidaysAndCountMakeUpDays() {
        // from 30 Sep 2025: 9, 10, 11 (Saturday, make-up), 13-17, 20-24, 27, 28 October
        assertEquals(LocalDate.of(2025, 10, 28), deadlines.due(LocalDate.of(2025, 9, 30), 15, DayUnit.WORKING));
    }

    @Test
    void ordinaryWeekendMovesToMonday() {
        // 1 Nov 2026 + 15 = 16 Nov 2026, a Monday: stays; 30 Oct + 15 = 14 Nov, a Saturday: Monday 16 Nov
        assertEquals(LocalDate.of(2026, 11, 16), deadlines.due(LocalDate.of(2026, 11, 1), 15, DayUnit.CALENDAR));
        assertEquals(LocalDate.of(2026, 11, 16), deadlines.due(LocalDate.of(2026, 10, 30), 15, DayUnit.CALENDAR));
    }
}
