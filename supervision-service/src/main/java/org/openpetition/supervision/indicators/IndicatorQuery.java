package org.openpetition.supervision.indicators;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openpetition.contracts.rules.BeijingTime;
import org.openpetition.platform.rules.TimeLimitConfig;

/**
 * Reads the raw figures behind the indicators of DOMAIN.md from the cases and petitions, for a locality
 * (all its descendants) and two periods, grouped by child division or department. One statement; each
 * figure is counted on the day it became known:
 * <ul>
 * <li>acceptance (及时受理率): on the day acceptance was decided within its limit, else on the first day
 * after the limit (a late decision or none counts as not timely); a case withdrawn before its limit
 * ran out is not counted;</li>
 * <li>completion (按期办结率): the same with the written reply and the handling limit;</li>
 * <li>evaluation participation (参评率): on the day of the evaluation, or the first day after the
 * evaluation window (30 days from the reply) closed without one;</li>
 * <li>satisfaction (满意率): on the day of the evaluation;</li>
 * <li>first-time resolution (一次性化解率): on the day of the reply (办结); resolved the first time when
 * the first assigned unit replied and no review was requested;</li>
 * <li>petitions (total, repeat, collective, skip-level): on the day of receipt.</li>
 * </ul>
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

    private final ZoneId zone;
    private final int evaluationWindowDays;

    public IndicatorQuery(TimeLimitConfig config) {
        this.zone = BeijingTime.ZONE;
        this.evaluationWindowDays = config.reviewRequestDays();
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
        String sql = sql(locality, grouping);
        Map<String, Object> params = params(locality, period, from);
        return Panache.withSession(() -> Panache.getSession().chain(session -> {
                    var query = session.createNativeQuery(sql, Object[].class);
                    params.forEach(query::setParameter);
                    return query.getResultList();
                }))
                .map(rows -> rows.stream().map(IndicatorQuery::row).toList());
    }

    /**
     * Rolls up one finished day for every county and department (replacing what was rolled up for it),
     * in the caller's transaction; returns the rows written.
     */
    public Uni<Integer> rollUp(LocalDate day) {
        Period only = new Period(day, day, day, day.minusDays(1), Period.Comparison.PREVIOUS);
        DivisionPrefix country = new DivisionPrefix("");
        Map<String, Object> params = params(country, only, day);
        params.put("day", day);
        String sql = """
                insert into indicator_day (day, county, department_code, department_name, measure, a, b, c, d)
                select cast(:day as date), split_part(k, '|', 1), split_part(k, '|', 2), name, m, a, b, c, d
                from (%s) r (m, k, name, cur, a, b, c, d)""".formatted(sql(country, Grouping.COUNTY_DEPARTMENT));
        return Panache.getSession().chain(session -> session.createNativeQuery("delete from indicator_day where day = :day")
                .setParameter("day", day).executeUpdate()
                .chain(() -> {
                    var query = session.createNativeQuery(sql);
                    params.forEach(query::setParameter);
                    return query.executeUpdate();
                }));
    }

    private Map<String, Object> params(DivisionPrefix locality, Period period, LocalDate from) {
        Map<String, Object> params = new HashMap<>();
        params.put("prefix", locality.prefix() + "%");
        params.put("zone", zone.getId());
        params.put("p0", start(from));
        params.put("p1", start(period.previousTo().plusDays(1)));
        params.put("f1", start(period.from()));
        params.put("t", start(period.to().plusDays(1)));
        params.put("dp0", from.minusDays(1));
        params.put("dt", period.to());
        params.put("window", evaluationWindowDays);
        params.put("rp0", start(from.minusDays(evaluationWindowDays + 1)));
        params.put("rt", start(period.to().minusDays(evaluationWindowDays)));
        return params;
    }

    /** The figures of the rolled-up days before {@code rolledUntil}, from the daily roll-up. */
    public Uni<List<Row>> rolledUp(DivisionPrefix locality, Period period, Grouping grouping, LocalDate rolledUntil) {
        String key = switch (grouping) {
            case LOCALITY -> "substr(county, 1, " + Math.max(locality.childLength(), locality.prefix().length()) + ")";
            case DEPARTMENT -> "nullif(department_code, '')";
            default -> "''";
        };
        String name = grouping == Grouping.DEPARTMENT ? "max(department_name)" : "null::text";
        return Panache.withSession(() -> Panache.getSession().chain(session -> session.createNativeQuery("""
                                select measure, k, %2$s, cur, sum(a), sum(b), sum(c), sum(d)
                                from (select *, %1$s as k, day >= :from as cur from indicator_day
                                      where county like :prefix and day >= :p0 and day < :until and day <= :to
                                        and not (day > :p1 and day < :from)) x
                                group by measure, k, cur""".formatted(key, name), Object[].class)
                        .setParameter("prefix", locality.prefix() + "%")
                        .setParameter("p0", period.previousFrom())
                        .setParameter("p1", period.previousTo())
                        .setParameter("from", period.from())
                        .setParameter("to", period.to())
                        .setParameter("until", rolledUntil)
                        .getResultList()))
                .map(rows -> rows.stream().map(IndicatorQuery::row).toList());
    }

    private OffsetDateTime start(LocalDate day) {
        return day.atStartOfDay(zone).toOffsetDateTime();
    }

    private static Row row(Object[] r) {
        return new Row(Measure.valueOf((String) r[0]), r[1] == null ? null : r[1].toString(), (String) r[2],
                (Boolean) r[3], n(r[4]), n(r[5]), n(r[6]), n(r[7]));
    }

    private static long n(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    /** The statement for one grouping; the group expressions are fixed text, never input. */
    static String sql(DivisionPrefix locality, Grouping grouping) {
        String caseKey;
        String petitionKey;
        String name;
        switch (grouping) {
            case LOCALITY -> {
                int len = Math.max(locality.childLength(), locality.prefix().length());
                caseKey = "substr(c.locality_code, 1, " + len + ")";
                petitionKey = "substr(p.locality_code, 1, " + len + ")";
                name = "null::text";
            }
            case DEPARTMENT -> {
                caseKey = "c.department_code";
                petitionKey = "s.department_code";
                name = "max(department_name)";
            }
            case COUNTY_DEPARTMENT -> {
                caseKey = "substr(c.locality_code, 1, 6) || '|' || c.department_code";
                petitionKey = "substr(p.locality_code, 1, 6) || '|' || coalesce(s.department_code, '')";
                name = "max(department_name)";
            }
            default -> {
                caseKey = "''";
                petitionKey = "''";
                name = "null::text";
            }
        }
        // a figure counts in the current period (cur) or the previous one, never in the gap between (同比)
        String inPeriods = "ts >= :p0 and ts < :t and ts <= now() and not (ts >= :p1 and ts < :f1)";
        return """
                with acc as (
                    select %1$s as k, c.department_name,
                           case when c.acceptance_decided_at < c.due_end then c.acceptance_decided_at else c.due_end end as ts,
                           coalesce(c.acceptance_decided_at < c.due_end, false) as ok
                    from (select c.*, ((c.acceptance_due + 1)::timestamp at time zone :zone) as due_end
                          from supervised_case c
                          where c.locality_code like :prefix
                            and ((c.acceptance_decided_at >= :p0 and c.acceptance_decided_at < :t)
                                 or (c.acceptance_due >= :dp0 and c.acceptance_due < :dt))) c
                    where not (c.status = 'WITHDRAWN' and c.acceptance_decided_at is null and c.closed_at < c.due_end)
                      and c.status <> 'RETURNED'),
                rep as (
                    select %1$s as k, c.department_name,
                           case when c.replied_at < c.due_end then c.replied_at else c.due_end end as ts,
                           coalesce(c.replied_at < c.due_end, false) as ok
                    from (select c.*, ((c.reply_due + 1)::timestamp at time zone :zone) as due_end
                          from supervised_case c
                          where c.locality_code like :prefix and c.reply_due is not null
                            and ((c.replied_at >= :p0 and c.replied_at < :t)
                                 or (c.reply_due >= :dp0 and c.reply_due < :dt))) c
                    where not (c.status = 'WITHDRAWN' and c.replied_at is null and c.closed_at < c.due_end)),
                ev as (
                    select %1$s as k, c.department_name, coalesce(c.evaluated_at, c.window_end) as ts,
                           c.evaluated_at is not null as ok
                    from (select c.*, (((c.replied_at at time zone :zone)::date + cast(:window as integer) + 1)::timestamp at time zone :zone) as window_end
                          from supervised_case c
                          where c.locality_code like :prefix and c.replied_at is not null
                            and ((c.evaluated_at >= :p0 and c.evaluated_at < :t)
                                 or (c.replied_at >= :rp0 and c.replied_at < :rt))) c),
                sat as (
                    select %1$s as k, c.department_name, c.evaluated_at as ts,
                           c.evaluation in ('SATISFIED', 'BASICALLY_SATISFIED') as ok
                    from supervised_case c
                    where c.locality_code like :prefix and c.evaluated_at >= :p0 and c.evaluated_at < :t),
                fst as (
                    select %1$s as k, c.department_name, c.replied_at as ts,
                           c.assignments = 1 and c.review_requested_at is null as ok
                    from supervised_case c
                    where c.locality_code like :prefix and c.replied_at >= :p0 and c.replied_at < :t),
                pet as (
                    select %2$s as k, s.department_name, p.received_at as ts, p.repeat, p.collective,
                           not p.repeat and coalesce(s.skip_level, false) as skip_level
                    from petition_record p left join supervised_case s on s.case_id = p.case_id
                    where p.locality_code like :prefix and p.received_at >= :p0 and p.received_at < :t)
                select 'ACCEPTANCE', k, %3$s, cur, count(*), count(*) filter (where ok), 0, 0
                    from (select *, ts >= :f1 as cur from acc where %4$s) x group by k, cur
                union all
                select 'COMPLETION', k, %3$s, cur, count(*), count(*) filter (where ok), 0, 0
                    from (select *, ts >= :f1 as cur from rep where %4$s) x group by k, cur
                union all
                select 'PARTICIPATION', k, %3$s, cur, count(*), count(*) filter (where ok), 0, 0
                    from (select *, ts >= :f1 as cur from ev where %4$s) x group by k, cur
                union all
                select 'SATISFACTION', k, %3$s, cur, count(*), count(*) filter (where ok), 0, 0
                    from (select *, ts >= :f1 as cur from sat where %4$s) x group by k, cur
                union all
                select 'FIRST_TIME', k, %3$s, cur, count(*), count(*) filter (where ok), 0, 0
                    from (select *, ts >= :f1 as cur from fst where %4$s) x group by k, cur
                union all
                select 'PETITIONS', k, %3$s, cur, count(*), count(*) filter (where repeat),
                       count(*) filter (where collective), count(*) filter (where skip_level)
                    from (select *, ts >= :f1 as cur from pet where %4$s) x group by k, cur
                """.formatted(caseKey, petitionKey, name, inPeriods);
    }
}
