package org.openpetition.supervision.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The daily reports: the table {@code daily_report} (kept as produced, the body as JSON) and the day's
 * figures counted from the petitions, steps, alerts and cases.
 */
@ApplicationScoped
public class DailyReportRepository {

    /**
     * The figures of a day in a locality, in this order: what happened (petitions, repeat, collective,
     * skip-level, accepted, not accepted, extended, replied, evaluated, review requested, warnings, overdue,
     * supervision orders, escalations), then what stands (open cases, overdue now).
     */
    public Uni<List<Long>> figures(String localityPattern, OffsetDateTime dayStart, OffsetDateTime dayEnd, LocalDate day) {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session.createNativeQuery("""
                        select p.petitions, p.repeat, p.collective, p.skip_level,
                               st.accepted, st.not_accepted, st.extended, st.replied, st.evaluated, st.review_requested,
                               a.warnings, a.overdue, a.orders, a.escalations, o.open_cases, o.overdue_now
                        from (select count(*) as petitions,
                                     count(*) filter (where p.repeat) as repeat,
                                     count(*) filter (where p.collective) as collective,
                                     count(*) filter (where not p.repeat and c.skip_level) as skip_level
                              from petition_record p left join supervised_case c on c.case_id = p.case_id
                              where p.locality_code like :localityPattern
                                and p.received_at >= :dayStart and p.received_at < :dayEnd) p,
                             (select count(*) filter (where st.step = 'ACCEPTED') as accepted,
                                     count(*) filter (where st.step = 'NOT_ACCEPTED') as not_accepted,
                                     count(*) filter (where st.step = 'EXTENDED') as extended,
                                     count(*) filter (where st.step in ('REPLIED', 'REVIEWED', 'RE_REVIEWED')) as replied,
                                     count(*) filter (where st.step = 'EVALUATED') as evaluated,
                                     count(*) filter (where st.step in ('REVIEW_REQUESTED', 'RE_REVIEW_REQUESTED')) as review_requested
                              from case_step st join supervised_case c on c.case_id = st.case_id
                              where c.locality_code like :localityPattern and st.at >= :dayStart and st.at < :dayEnd) st,
                             (select count(*) filter (where a.alert = 'WARNING') as warnings,
                                     count(*) filter (where a.alert = 'OVERDUE') as overdue,
                                     count(*) filter (where a.alert = 'SUPERVISION_ORDER') as orders,
                                     count(*) filter (where a.alert like 'ESCALATED%') as escalations
                              from deadline_alert a join supervised_case c on c.case_id = a.case_id
                              where c.locality_code like :localityPattern and a.alert_day = :day) a,
                             (select count(*) as open_cases, count(*) filter (where c.overdue_since is not null) as overdue_now
                              from supervised_case c where c.locality_code like :localityPattern and c.due is not null) o
                        """, Object[].class)
                .setParameter("localityPattern", localityPattern)
                .setParameter("dayStart", dayStart)
                .setParameter("dayEnd", dayEnd)
                .setParameter("day", day)
                .getSingleResult()))
                .map(r -> java.util.Arrays.stream(r).map(v -> ((Number) v).longValue()).toList());
    }

    /** The body of the report kept for a day and locality, or empty. */
    public Uni<Optional<String>> body(LocalDate day, String locality) {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                                "select cast(body as text) from daily_report where day = :day and locality = :locality", String.class)
                        .setParameter("day", day).setParameter("locality", locality)
                        .getResultList()))
                .map(rows -> rows.stream().findFirst());
    }

    /** Keeps a report in the caller's transaction unless one is kept for the day and locality; true if this one was. */
    public Uni<Boolean> insert(LocalDate day, String locality, boolean zeroReport, String body) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into daily_report (day, locality, zero_report, body, produced_at)
                        values (:day, :locality, :zero, cast(cast(:body as text) as jsonb), now()) on conflict do nothing""")
                .setParameter("day", day)
                .setParameter("locality", locality)
                .setParameter("zero", zeroReport)
                .setParameter("body", body)
                .executeUpdate()).map(n -> n == 1);
    }
}
