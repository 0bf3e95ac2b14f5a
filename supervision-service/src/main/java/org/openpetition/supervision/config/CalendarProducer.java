package org.openpetition.supervision.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.openpetition.supervision.calendar.DeadlineCalculator;
import org.openpetition.supervision.calendar.WorkCalendar;

/** The official calendar shipped with the service (calendar/YEAR.json), loaded once. */
public class CalendarProducer {

    @Produces
    @Singleton
    WorkCalendar workCalendar() {
        return WorkCalendar.fromClasspath(2000, 2100);
    }

    @Produces
    @Singleton
    DeadlineCalculator deadlineCalculator(WorkCalendar calendar) {
        return new DeadlineCalculator(calendar);
    }
}
