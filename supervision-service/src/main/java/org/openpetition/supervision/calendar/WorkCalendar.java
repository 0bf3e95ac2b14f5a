package org.openpetition.supervision.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * The official calendar: public holidays (法定节假日, with the days off in lieu) and the make-up
 * working days on weekends (调休上班). Loaded from calendar/YEAR.json on the classpath
 * (chinese-days format: "holidays", "workdays", "inLieuDays", each date -> name).
 */
public final class WorkCalendar {

    private final Set<LocalDate> restDays = new HashSet<>();
    private final Set<LocalDate> makeUpWorkdays = new HashSet<>();
    private final TreeSet<Integer> years = new TreeSet<>();

    /** Loads every year from {@code firstYear} to {@code lastYear} that has a file. */
    public static WorkCalendar fromClasspath(int firstYear, int lastYear) {
        WorkCalendar calendar = new WorkCalendar();
        ObjectMapper json = new ObjectMapper();
        for (int year = firstYear; year <= lastYear; year++) {
            try (InputStream in = WorkCalendar.class.getResourceAsStream("/calendar/" + year + ".json")) {
                if (in != null) {
                    calendar.load(year, json.readTree(in));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("calendar " + year + " cannot be read", e);
            }
        }
        return calendar;
    }

    void load(int year, JsonNode days) {
        days.path("holidays").fieldNames().forEachRemaining(d -> restDays.add(LocalDate.parse(d)));
        days.path("inLieuDays").fieldNames().forEachRemaining(d -> restDays.add(LocalDate.parse(d)));
        days.path("workdays").fieldNames().forEachRemaining(d -> makeUpWorkdays.add(LocalDate.parse(d)));
        years.add(year);
    }

    /** True on public holidays and on weekends that are not make-up working days. */
    public boolean isRestDay(LocalDate date) {
        if (restDays.contains(date)) {
            return true;
        }
        boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
        return weekend && !makeUpWorkdays.contains(date);
    }

    /** The date itself if it is a working day, else the next working day. */
    public LocalDate onOrNextWorkingDay(LocalDate date) {
        LocalDate day = date;
        while (isRestDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** The years this calendar knows; outside them only weekends count as rest days. */
    public Set<Integer> years() {
        return years;
    }
}
