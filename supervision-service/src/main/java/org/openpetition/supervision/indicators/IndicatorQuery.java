package org.openpetition.supervision.indicators;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.openpetition.contracts.rules.BeijingTime;
import org.openpetition.supervision.repository.IndicatorRepository;
import org.openpetition.supervision.repository.IndicatorRepository.CountedDays;
import org.openpetition.supervision.repository.IndicatorRepository.GroupKeys;

/**
 * The raw figures behind the indicators of docs/domain.md, for a locality (all its descendants) and two
 * periods, grouped by child division or department: which days count and how figures are grouped. The
 * statements are {@link IndicatorRepository}'s; each figure is counted on the day it became known.
 */
@ApplicationScoped
public class IndicatorQuery {

    /** One group's raw figures for one measure and one period (a..d: see {@link Measure}). */
    public record Row(Measure measure, String key, String name, boolean current, long a, long b, long c, long d) {
    }

    /** What a row counts. */
    public enum Measure {
        /** a = acceptance decisions due, b = decided within the limit */
        ACCEPTANCE,
        /** a = replies due, b = replied within the limit */
        COMPLETION,
        /** a = evaluations due (given or window closed), b = given */
        PARTICIPATION,
        /** a = evaluations, b = satisfied or basically satisfied */
        SATISFACTION,
        /** a = cases replied (办结), b = by the first assigned unit without review */
        FIRST_TIME,
        /** a = petitions received, b = repeat, c = collective, d = skip-level */
        PETITIONS
    }

    /** How the locality's figures are broken down. */
    public enum Grouping {
        /** Only the locality's total. */
        NONE,
        /** One group per division one level down (a county's townships, a city's counties, ...). */
        LOCALITY,
        /** One group per department. */
        DEPARTMENT,
        /** Internal, for the daily roll-up: one group per county and department, keyed "county|department". */
        COUNTY_DEPARTMENT
    }

    private final IndicatorRepository repository;

    public IndicatorQuery(IndicatorRepository repository) {
        this.repository = repository;
    }

    /** The figures of both periods, from the cases. */
    public Uni<List<Row>> rows(DivisionPrefix locality, Period period, Grouping grouping) {
        return rows(locality, period, grouping, period.previousFrom());
    }

    /** The figures counted on {@code liveFrom} or later, from the cases (the days before come from the roll-up). */
    public Uni<List<Row>> rows(DivisionPrefix locality, Period period, Grouping grouping, LocalDate liveFrom) {
        LocalDate from = liveFrom.isAfter(period.previousFrom()) ? liveFrom : period.previousFrom();
        if (from.isAfter(period.to())) {
            return Uni.createFrom().item(List.of());
        }
        return repository.figures(days(locality, period, from), keys(locality, grouping))
                .map(rows -> rows.stream().map(IndicatorQuery::row).toList());
    }

    /**
     * Rolls up one finished day for every county and department (replacing what was rolled up for it),
     * in the caller's transaction; returns the rows written.
     */
    public Uni<Integer> rollUp(LocalDate day) {
        Period only = new Period(day, day, day, day.minusDays(1), Period.Comparison.PREVIOUS);
        DivisionPrefix country = new DivisionPrefix("");
        return repository.replaceRolledUpDay(day, days(country, only, day), keys(country, Grouping.COUNTY_DEPARTMENT));
    }

    /** The figures of the rolled-up days before {@code rolledUntil}, from the daily roll-up. */
    public Uni<List<Row>> rolledUp(DivisionPrefix locality, Period period, Grouping grouping, LocalDate rolledUntil) {
        String key = switch (grouping) {
            case LOCALITY -> "substr(county, 1, " + Math.max(locality.childLength(), locality.prefix().length()) + ")";
            case DEPARTMENT -> "nullif(department_code, '')";
            default -> "''";
        };
        String name = grouping == Grouping.DEPARTMENT ? "max(department_name)" : "null::text";
        return repository.rolledUp(locality.prefix() + "%", key, name, period.previousFrom(), period.previousTo(),
                        period.from(), period.to(), rolledUntil)
                .map(rows -> rows.stream().map(IndicatorQuery::row).toList());
    }

    /**
     * The days counted: from {@code from} (the previous period's start, or later) to the end of the current
     * period, without the gap between the two periods. A limit or window counts on the day after its last day.
     */
    private static CountedDays days(DivisionPrefix locality, Period period, LocalDate from) {
        return new CountedDays(locality.prefix() + "%", start(from), start(period.previousTo().plusDays(1)),
                start(period.from()), start(period.to().plusDays(1)), from.minusDays(1), period.to());
    }

    /** The group expressions of a grouping: fixed text, never input. */
    private static GroupKeys keys(DivisionPrefix locality, Grouping grouping) {
        return switch (grouping) {
            case LOCALITY -> {
                int len = Math.max(locality.childLength(), locality.prefix().length());
                yield new GroupKeys("substr(c.locality_code, 1, " + len + ")", "substr(p.locality_code, 1, " + len + ")",
                        "null::text");
            }
            case DEPARTMENT -> new GroupKeys("c.department_code", "s.department_code", "max(department_name)");
            case COUNTY_DEPARTMENT -> new GroupKeys("substr(c.locality_code, 1, 6) || '|' || c.department_code",
                    "substr(p.locality_code, 1, 6) || '|' || coalesce(s.department_code, '')", "max(department_name)");
            case NONE -> new GroupKeys("''", "''", "null::text");
        };
    }

    private static OffsetDateTime start(LocalDate day) {
        return day.atStartOfDay(BeijingTime.ZONE).toOffsetDateTime();
    }

    private static Row row(Object[] r) {
        return new Row(Measure.valueOf((String) r[0]), r[1] == null ? null : r[1].toString(), (String) r[2],
                (Boolean) r[3], n(r[4]), n(r[5]), n(r[6]), n(r[7]));
    }

    private static long n(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }
}
