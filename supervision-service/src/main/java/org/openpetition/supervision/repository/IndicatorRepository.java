package org.openpetition.supervision.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.openpetition.contracts.rules.BeijingTime;

/**
 * The statements of the indicators: the raw figures counted from the cases and petitions, and the daily
 * roll-up of them (tables {@code indicator_day} and {@code indicator_rollup}). Each figure is counted on the
 * day it became known (see {@link #FIGURES}); every statement returns rows of (measure, group key, group name,
 * current period?, a, b, c, d).
 */
@ApplicationScoped
public class IndicatorRepository {

    /**
     * The days a statement counts, as bounds with a meaning:
     *
     * @param localityPattern the locality and everything under it (a LIKE pattern, "4503%")
     * @param countFrom       the first instant counted: the start of the previous period, or later
     * @param previousEnd     the end of the previous period (exclusive): nothing counts between it and {@code currentFrom}
     * @param currentFrom     the start of the current period: a figure counted from it on is current
     * @param countEnd        the end of the current period (exclusive)
     * @param lastDayFrom     a limit or window whose last day is on or after this ran out within the counted time ...
     * @param lastDayBefore   ... if its last day is before this (a last day counts on the next day)
     */
    public record CountedDays(String localityPattern, OffsetDateTime countFrom, OffsetDateTime previousEnd,
                              OffsetDateTime currentFrom, OffsetDateTime countEnd, LocalDate lastDayFrom,
                              LocalDate lastDayBefore) {

        Map<String, Object> parameters() {
            return Map.of("localityPattern", localityPattern, "zone", BeijingTime.ZONE.getId(), "countFrom", countFrom,
                    "previousEnd", previousEnd, "currentFrom", currentFrom, "countEnd", countEnd,
                    "lastDayFrom", lastDayFrom, "lastDayBefore", lastDayBefore);
        }
    }

    /**
     * How figures are grouped: the group key of a case ({@code c.}) and of a petition ({@code p.}, its case
     * {@code s.}), and the group's name. Fixed SQL expressions chosen by the caller, never input.
     */
    public record GroupKeys(String caseKey, String petitionKey, String name) {
    }

    /**
     * One row per case or petition and measure, with the instant it counts ({@code ts}) and whether it counts
     * as kept ({@code ok}):
     * <ul>
     * <li>acceptance: decided within the limit on the day of the decision, else on the day after the limit's
     * last day (a late decision or none is not timely); a case withdrawn undecided before its limit ran out, or
     * returned, is not counted;</li>
     * <li>completion: the same with the written reply and the handling limit;</li>
     * <li>participation: on the day of the evaluation, or the day after the last day of the petitioner's
     * window (kept on the case from the limits of its jurisdiction) without one;</li>
     * <li>satisfaction: on the day of the evaluation; first-time resolution: on the day of the reply, kept when
     * the first assigned unit replied and no review was requested;</li>
     * <li>petitions: on the day of receipt, with the repeat, collective and skip-level marks.</li>
     * </ul>
     */
    static final String FIGURES = """
            with acceptance as (
                select {caseKey} as k, c.department_name,
                       least(c.acceptance_decided_at, c.limit_end) as ts,
                       coalesce(c.acceptance_decided_at < c.limit_end, false) as ok
                from (select c.*, ((c.acceptance_due + 1)::timestamp at time zone :zone) as limit_end
                      from supervised_case c
                      where c.locality_code like :localityPattern
                        and ((c.acceptance_decided_at >= :countFrom and c.acceptance_decided_at < :countEnd)
                             or (c.acceptance_due >= :lastDayFrom and c.acceptance_due < :lastDayBefore))) c
                where not (c.status = 'WITHDRAWN' and c.acceptance_decided_at is null and c.closed_at < c.limit_end)
                  and c.status <> 'RETURNED'),
            completion as (
                select {caseKey} as k, c.department_name,
                       least(c.replied_at, c.limit_end) as ts,
                       coalesce(c.replied_at < c.limit_end, false) as ok
                from (select c.*, ((c.reply_due + 1)::timestamp at time zone :zone) as limit_end
                      from supervised_case c
                      where c.locality_code like :localityPattern and c.reply_due is not null
                        and ((c.replied_at >= :countFrom and c.replied_at < :countEnd)
                             or (c.reply_due >= :lastDayFrom and c.reply_due < :lastDayBefore))) c
                where not (c.status = 'WITHDRAWN' and c.replied_at is null and c.closed_at < c.limit_end)),
            participation as (
                select {caseKey} as k, c.department_name,
                       coalesce(c.evaluated_at, c.window_end) as ts,
                       c.evaluated_at is not null as ok
                from (select c.*, ((c.evaluation_window_last_day + 1)::timestamp at time zone :zone) as window_end
                      from supervised_case c
                      where c.locality_code like :localityPattern and c.replied_at is not null
                        and ((c.evaluated_at >= :countFrom and c.evaluated_at < :countEnd)
                             or (c.evaluation_window_last_day >= :lastDayFrom
                                 and c.evaluation_window_last_day < :lastDayBefore))) c),
            satisfaction as (
                select {caseKey} as k, c.department_name, c.evaluated_at as ts,
                       c.evaluation in ('SATISFIED', 'BASICALLY_SATISFIED') as ok
                from supervised_case c
                where c.locality_code like :localityPattern
                  and c.evaluated_at >= :countFrom and c.evaluated_at < :countEnd),
            first_time as (
                select {caseKey} as k, c.department_name, c.replied_at as ts,
                       c.assignments = 1 and c.review_requested_at is null as ok
                from supervised_case c
                where c.locality_code like :localityPattern
                  and c.replied_at >= :countFrom and c.replied_at < :countEnd),
            petitions as (
                select {petitionKey} as k, s.department_name, p.received_at as ts, p.repeat, p.collective,
                       not p.repeat and coalesce(s.skip_level, false) as skip_level
                from petition_record p left join supervised_case s on s.case_id = p.case_id
                where p.locality_code like :localityPattern
                  and p.received_at >= :countFrom and p.received_at < :countEnd),
            -- a figure counts in the current period or the previous one, never in the gap between (同比), nor in the future
            counted as (
                select 'ACCEPTANCE' as measure, k, department_name, ts, ok, false as repeat, false as collective,
                       false as skip_level from acceptance
                union all select 'COMPLETION', k, department_name, ts, ok, false, false, false from completion
                union all select 'PARTICIPATION', k, department_name, ts, ok, false, false, false from participation
                union all select 'SATISFACTION', k, department_name, ts, ok, false, false, false from satisfaction
                union all select 'FIRST_TIME', k, department_name, ts, ok, false, false, false from first_time
                union all select 'PETITIONS', k, department_name, ts, repeat, repeat, collective, skip_level from petitions)
            select measure, k, {name}, cur, count(*), count(*) filter (where ok), count(*) filter (where collective),
                   count(*) filter (where skip_level)
            from (select *, ts >= :currentFrom as cur from counted
                  where ts >= :countFrom and ts < :countEnd and ts <= now()
                    and not (ts >= :previousEnd and ts < :currentFrom)) x
            group by measure, k, cur
            """;

    /** The figures counted from the cases and petitions. */
    public Uni<List<Object[]>> figures(CountedDays days, GroupKeys keys) {
        String sql = figuresStatement(keys);
        return Panache.withSession(() -> Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql, Object[].class);
            days.parameters().forEach(query::setParameter);
            return query.getResultList();
        }));
    }

    /**
     * Replaces the roll-up of {@code day} (one group per county and department, {@code keys} keyed
     * "county|department") with the figures counted on it, in the caller's transaction; returns the rows written.
     */
    public Uni<Integer> replaceRolledUpDay(LocalDate day, CountedDays days, GroupKeys keys) {
        String insert = """
                insert into indicator_day (day, county, department_code, department_name, measure, a, b, c, d)
                select cast(:day as date), split_part(k, '|', 1), split_part(k, '|', 2), name, measure, a, b, c, d
                from (%s) r (measure, k, name, cur, a, b, c, d)""".formatted(figuresStatement(keys));
        return Panache.getSession().chain(session -> session.createNativeQuery("delete from indicator_day where day = :day")
                .setParameter("day", day).executeUpdate()
                .chain(() -> {
                    var query = session.createNativeQuery(insert);
                    days.parameters().forEach(query::setParameter);
                    return query.setParameter("day", day).executeUpdate();
                }));
    }

    /**
     * The figures of the rolled-up days before {@code rolledUntil}, in both periods, grouped by {@code key}
     * (an expression over indicator_day, fixed by the caller) and named by {@code name}.
     */
    public Uni<List<Object[]>> rolledUp(String localityPattern, String key, String name, LocalDate previousFrom,
                                        LocalDate previousTo, LocalDate from, LocalDate to, LocalDate rolledUntil) {
        String sql = """
                select measure, k, {name}, cur, sum(a), sum(b), sum(c), sum(d)
                from (select *, {key} as k, day >= :currentFrom as cur
                      from indicator_day
                      where county like :localityPattern and day >= :previousFrom and day < :rolledUntil and day <= :currentTo
                        and not (day > :previousTo and day < :currentFrom)) x
                group by measure, k, cur""".replace("{name}", name).replace("{key}", key);
        return Panache.withSession(() -> Panache.getSession().chain(session -> session.createNativeQuery(sql, Object[].class)
                .setParameter("localityPattern", localityPattern)
                .setParameter("previousFrom", previousFrom)
                .setParameter("previousTo", previousTo)
                .setParameter("currentFrom", from)
                .setParameter("currentTo", to)
                .setParameter("rolledUntil", rolledUntil)
                .getResultList()));
    }

    /** The first day not rolled up, or null before the first roll-up. */
    public Uni<LocalDate> rolledUntil() {
        return Panache.withSession(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                        "select rolled_until from indicator_rollup where id = 1", LocalDate.class).getResultList()))
                .map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    /** Takes the advisory lock {@code lock} for the caller's transaction, unless another replica holds it. */
    public Uni<Boolean> tryLock(long lock) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select pg_try_advisory_xact_lock(:lock)", Boolean.class)
                .setParameter("lock", lock).getSingleResult());
    }

    /** Moves the first day not rolled up to {@code next}, never back, in the caller's transaction. */
    public Uni<Void> rolledUntil(LocalDate next) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into indicator_rollup (id, rolled_until) values (1, :next)
                        on conflict (id) do update set rolled_until = greatest(indicator_rollup.rolled_until, :next)""")
                .setParameter("next", next).executeUpdate()).replaceWithVoid();
    }

    private static String figuresStatement(GroupKeys keys) {
        return FIGURES.replace("{caseKey}", keys.caseKey()).replace("{petitionKey}", keys.petitionKey())
                .replace("{name}", keys.name());
    }
}
