package org.openpetition.supervision.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;

/**
 * The circular of overdue units (超期通报): per department, the cases overdue now and the supervision
 * orders and escalations issued in a period, worst first. Departments with nothing overdue and nothing
 * issued are not listed.
 */
@ApplicationScoped
public class OverdueCircular {

    /**
     * One unit's line of the circular; the unit's email and supervising body are those of its latest
     * assignment (case.assigned.v1), null if not known.
     */
    public record Line(String departmentCode, String departmentName, String localityCode, long overdueNow,
                       long supervisionOrders, long escalations, String departmentEmail, String supervisingCode,
                       String supervisingName, String supervisingEmail) {
    }

    /**
     * @param from           first day of the period
     * @param to             last day of the period
     * @param localityPrefix only units whose locality code starts with this (e.g. "5117"), or "" for all
     */
    public Uni<List<Line>> of(LocalDate from, LocalDate to, String localityPrefix) {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session.createNativeQuery("""
                        with overdue as (
                            select department_code, count(*) as n from supervised_case
                            where overdue_since is not null and due is not null
                            group by department_code),
                        issued as (
                            select department_code,
                                   count(*) filter (where alert = 'SUPERVISION_ORDER') as orders,
                                   count(*) filter (where alert like 'ESCALATED%') as escalations
                            from deadline_alert where alert_day between :from and :to
                            group by department_code),
                        units as (
                            select distinct on (department_code) department_code, department_name, locality_code,
                                   department_email, supervising_code, supervising_name, supervising_email
                            from supervised_case
                            where department_code in (select department_code from overdue
                                                      union select department_code from issued)
                            order by department_code, assigned_at desc)
                        select u.department_code, u.department_name, u.locality_code, coalesce(o.n, 0),
                               coalesce(i.orders, 0), coalesce(i.escalations, 0),
                               u.department_email, u.supervising_code, u.supervising_name, u.supervising_email
                        from units u
                        left join overdue o on o.department_code = u.department_code
                        left join issued i on i.department_code = u.department_code
                        where u.locality_code like :prefix
                        order by coalesce(o.n, 0) desc, coalesce(i.escalations, 0) desc, coalesce(i.orders, 0) desc,
                                 u.department_code""", Object[].class)
                .setParameter("from", from)
                .setParameter("to", to)
                .setParameter("prefix", localityPrefix + "%")
                .getResultList()))
                .map(rows -> rows.stream().map(r -> new Line((String) r[0], (String) r[1], (String) r[2],
                        ((Number) r[3]).longValue(), ((Number) r[4]).longValue(), ((Number) r[5]).longValue(),
                        (String) r[6], (String) r[7], (String) r[8], (String) r[9])).toList());
    }
}
