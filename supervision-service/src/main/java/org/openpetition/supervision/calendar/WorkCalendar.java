package org.openpetition.supervision.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import org.openpetition.supervision.i18n.Texts;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The official calendar: public holidays (法定节假日, with the days off in lieu) and the make-up
 * working days on weekends (调休上班). Shipped as calendar/YEAR.json on the classpath; an administrator loads new years at run time
 * (chinese-days format: "holidays", "workdays", "inLieuDays", each date -> name).
 */
public final class WorkCalendar {

    /** One year's days as published: holidays, days off in lieu and make-up working days. */
    private record Year(JsonNode days, String source) {
    }

    /** What the calendar knows now; replaced whole when a year is loaded, so readers never see half a year. */
    private record Snapshot(Map<Integer, Year> years, Set<LocalDate> restDays, Set<LocalDate> makeUpWorkdays) {
    }

    private volatile Snapshot snapshot = new Snapshot(Map.of(), Set.of(), Set.of());

    /** Loads every year from {@code firstYear} to {@code lastYear} that has a file. */
    public static WorkCalendar fromClasspath(int firstYear, int lastYear) {
        WorkCalendar calendar = new WorkCalendar();
        ObjectMapper json = new ObjectMapper();
        for (int year = firstYear; year <= lastYear; year++) {
            try (InputStream in = WorkCalendar.class.getResourceAsStream("/calendar/" + year + ".json")) {
                if (in != null) {
                    calendar.load(year, json.readTree(in), "shipped");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("calendar " + year + " cannot be read", e);
            }
        }
        return calendar;
    }

    /**
     * Loads (or replaces) one year, in the chinese-days format: "holidays", "workdays" and "inLieuDays",
     * each an object of date to name. Check it first with {@link #problems}.
     */
    public synchronized void load(int year, JsonNode days, String source) {
        Map<Integer, Year> years = new TreeMap<>(snapshot.years());
        years.put(year, new Year(days, source));
        Set<LocalDate> rest = new HashSet<>();
        Set<LocalDate> work = new HashSet<>();
        for (Year y : years.values()) {
            y.days().path("holidays").fieldNames().forEachRemaining(d -> rest.add(LocalDate.parse(d)));
            y.days().path("inLieuDays").fieldNames().forEachRemaining(d -> rest.add(LocalDate.parse(d)));
            y.days().path("workdays").fieldNames().forEachRemaining(d -> work.add(LocalDate.parse(d)));
        }
        snapshot = new Snapshot(Collections.unmodifiableMap(years), Set.copyOf(rest), Set.copyOf(work));
    }

    /**
     * What is wrong with a year's days, field by field (empty if nothing): the three parts must be
     * objects of ISO dates to names, the dates within the year or next to it (a holiday may reach into
     * the next year), a make-up working day must fall on a weekend and must not be a holiday, and a year
     * has holidays.
     */
    public static Map<String, String> problems(int year, JsonNode days, Texts texts) {
        Map<String, String> problems = new TreeMap<>();
        if (days == null || !days.isObject()) {
            problems.put("", texts.calendarNotAnObject());
            return problems;
        }
        days.fieldNames().forEachRemaining(f -> {
            if (!List.of("holidays", "workdays", "inLieuDays").contains(f)) {
                problems.put(f, texts.calendarUnknownField());
            }
        });
        Set<LocalDate> holidays = new HashSet<>();
        for (String part : List.of("holidays", "workdays", "inLieuDays")) {
            JsonNode node = days.path(part);
            if (node.isMissingNode() && !part.equals("holidays")) {
                continue;
            }
            if (!node.isObject()) {
                problems.put(part, texts.calendarNotDatesToNames());
                continue;
            }
            node.fields().forEachRemaining(e -> {
                String field = part + "." + e.getKey();
                LocalDate date;
                try {
                    date = LocalDate.parse(e.getKey());
                } catch (DateTimeParseException ex) {
                    problems.put(field, texts.calendarNotADate(year));
                    return;
                }
                if (Math.abs(date.getYear() - year) > 1) {
                    problems.put(field, texts.calendarDayNotNearYear(year));
                } else if (!e.getValue().isTextual() || e.getValue().asText().isBlank()) {
                    problems.put(field, texts.calendarDayNeedsName());
                } else if (part.equals("workdays")) {
                    boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
                    if (!weekend) {
                        problems.put(field, texts.calendarMakeUpDayNotWeekend());
                    } else if (holidays.contains(date)) {
                        problems.put(field, texts.calendarMakeUpDayAlsoHoliday());
                    }
                } else {
                    holidays.add(date);
                }
            });
            if (part.equals("holidays") && node.isObject() && node.isEmpty()) {
                problems.put(part, texts.calendarYearHasHolidays());
            }
        }
        return problems;
    }

    /** True on public holidays and on weekends that are not make-up working days. */
    public boolean isRestDay(LocalDate date) {
        Snapshot s = snapshot;
        if (s.restDays().contains(date)) {
            return true;
        }
        boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
        return weekend && !s.makeUpWorkdays().contains(date);
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
        return snapshot.years().keySet();
    }

    /** A year's days as loaded, or null. */
    public JsonNode daysOf(int year) {
        Year y = snapshot.years().get(year);
        return y == null ? null : y.days();
    }

    /** Where a year came from: "shipped" with the service or loaded by an administrator; null if unknown. */
    public String sourceOf(int year) {
        Year y = snapshot.years().get(year);
        return y == null ? null : y.source();
    }
}
