package org.openpetition.supervision.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.hibernate.reactive.mutiny.Mutiny;
import org.openpetition.contracts.CaseStatus;
import org.openpetition.platform.paging.PageOf;
import org.openpetition.platform.paging.PageRequest;
import org.openpetition.platform.security.CaseScopeSql;
import org.openpetition.supervision.DueState;
import org.openpetition.supervision.SupervisedCase;

/**
 * The list of cases of the staff workbench (GET /api/cases): one page of the cases within the caller's
 * scope, filtered and sorted in the database. The scope is {@link CaseScopeSql}'s condition over
 * {@link #SCOPE_COLUMNS}, the same rule the read by id applies to {@code CaseScopeFacts.of}.
 */
@ApplicationScoped
public class CaseListRepository {

    /** The facts of {@code CaseScopeFacts.of} as columns of {@code supervised_case c}. */
    public static final CaseScopeSql.Columns SCOPE_COLUMNS = new CaseScopeSql.Columns("c.department_code",
            "string_to_array(c.former_departments, ',')", "c.locality_code", "c.supervising_code", "c.owning_leader_id",
            "c.kind = 'ACCUSATION'", unit -> "c.accused_unit_code = " + unit, null);

    /** How a page is ordered; every order ends with the case id, so pages neither repeat nor skip a case. */
    public enum Sort {
        /** Overdue first, then warning, then the nearest due day, then the oldest; cases without a running limit last. */
        URGENCY("case when c.due is null then 3 when c.due < :today then 0 when c.due <= :warnUntil then 1 else 2 end,"
                + " c.due nulls last, c.received_at, c.case_id"),
        /** Oldest received first. */
        RECEIVED("c.received_at, c.case_id"),
        /** Newest received first. */
        RECEIVED_DESC("c.received_at desc, c.case_id desc");

        final String orderBy;

        Sort(String orderBy) {
            this.orderBy = orderBy;
        }
    }

    /**
     * What the caller asked for, on top of its scope; null or empty: no filter.
     *
     * @param statuses       the case statuses to list
     * @param due            the states of the running limit to list
     * @param department     the handling unit's code
     * @param localityPrefix the prefix of the case's locality code
     * @param ownedBy        only the cases owned by this leader id; {@link #NOBODY}: none
     * @param today          today in Beijing time
     * @param warnUntil      the last due day that is a warning today
     */
    public record Filter(Set<CaseStatus> statuses, Set<DueState> due, String department, String localityPrefix,
                         String ownedBy, Sort sort, LocalDate today, LocalDate warnUntil) {

        /** {@code ownedBy} of a caller without a leader id: it owns nothing. */
        public static final String NOBODY = "";
    }

    public Uni<PageOf<SupervisedCase>> page(CaseScopeSql.Condition scope, Filter filter, PageRequest page) {
        Map<String, Object> params = new LinkedHashMap<>(scope.parameters());
        List<String> where = new ArrayList<>(List.of(scope.sql()));
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            where.add("c.status in (:statuses)");
            params.put("statuses", filter.statuses().stream().map(Enum::name).sorted().toList());
        }
        if (filter.due() != null && !filter.due().isEmpty()) {
            List<String> states = new ArrayList<>();
            if (filter.due().contains(DueState.OVERDUE)) {
                states.add("c.due < :today");
            }
            if (filter.due().contains(DueState.WARNING)) {
                states.add("(c.due >= :today and c.due <= :warnUntil)");
            }
            if (filter.due().contains(DueState.NORMAL)) {
                states.add("c.due > :warnUntil");
            }
            where.add("(" + String.join(" or ", states) + ")");
        }
        if (filter.department() != null) {
            where.add("c.department_code = :department");
            params.put("department", filter.department());
        }
        if (filter.localityPrefix() != null && !filter.localityPrefix().isEmpty()) {
            where.add("c.locality_code like :locality");
            params.put("locality", filter.localityPrefix() + "%");
        }
        if (Filter.NOBODY.equals(filter.ownedBy())) {
            where.add("false");
        } else if (filter.ownedBy() != null) {
            where.add("c.owning_leader_id = :ownedBy");
            params.put("ownedBy", filter.ownedBy());
        }
        params.put("today", filter.today());
        params.put("warnUntil", filter.warnUntil());
        String condition = String.join("\n  and ", where);
        String select = "select c.* from supervised_case c where " + condition + "\norder by " + filter.sort().orderBy;
        String count = "select count(*) from supervised_case c where " + condition;
        return Panache.getSession().chain(session -> bind(session.createNativeQuery(count, Long.class), count, params)
                .getSingleResult()
                .chain(total -> total == 0 ? Uni.createFrom().item(PageOf.<SupervisedCase>of(List.of(), page, 0))
                        : bind(session.createNativeQuery(select, SupervisedCase.class), select, params)
                                .setFirstResult((int) Math.min(page.offset(), Integer.MAX_VALUE)).setMaxResults(page.size())
                                .getResultList()
                                .map(items -> PageOf.of(items, page, total))));
    }

    /** Binds the parameters the statement names (the count names fewer than the page). */
    private static <R> Mutiny.SelectionQuery<R> bind(Mutiny.SelectionQuery<R> query, String sql, Map<String, Object> params) {
        params.forEach((name, value) -> {
            if (Pattern.compile(":" + name + "\\b").matcher(sql).find()) {
                query.setParameter(name, value);
            }
        });
        return query;
    }
}
