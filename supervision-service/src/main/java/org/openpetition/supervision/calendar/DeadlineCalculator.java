package org.openpetition.supervision.calendar;

import org.openpetition.contracts.rules.DayUnit;
import java.time.LocalDate;

/**
 * Computes a deadline the way the regulation is read: counting starts the day after the event;
 * in calendar days the last day, if it is a rest day, moves to the next working day; in working
 * days only working days are counted.
 */
public final class DeadlineCalculator {

    private final WorkCalendar calendar;

    public DeadlineCalculator(WorkCalendar calendar) {
        this.calendar = calendar;
    }

    /** The days from {@code first} to {@code last}, both included, that count in {@code unit}. */
    public int countDays(LocalDate first, LocalDate last, DayUnit unit) {
        int count = 0;
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            if (unit == DayUnit.CALENDAR || !calendar.isRestDay(day)) {
                count++;
            }
        }
        return count;
    }

    public LocalDate due(LocalDate eventDay, int days, DayUnit unit) {
        if (days < 1) {
            throw new IllegalArgumentException("a time limit has at least one day: " + days);
        }
        if (unit == DayUnit.CALENDAR) {
            return calendar.onOrNextWorkingDay(eventDay.plusDays(days));
        }
        LocalDate day = eventDay;
        int counted = 0;
        while (counted < days) {
            day = day.plusDays(1);
            if (!calendar.isRestDay(day)) {
                counted++;
            }
        }
        return day;
    }
}
