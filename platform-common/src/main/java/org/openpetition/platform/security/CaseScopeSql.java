package org.openpetition.platform.security;

import static org.openpetition.platform.security.Roles.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * {@link CaseScope#access}'s "visible" (anything but {@link CaseAccess#NONE}) as a SQL condition, so that a
 * list of cases is filtered in the database by exactly the rule a read by id applies (docs/security.md).
 * It is that method translated branch by branch for the list roles (handler, dispatcher, supervisor,
 * leader, auditor, admin); a change to one is a change to the other, and a service's list test compares
 * the two on the same cases. Clerks and citizens are not translated: their grants rest on who registered a
 * petition, which no list of cases filters by; a caller with only those roles gets {@code false}.
 *
 * <p>Fail closed: a role grants only through its claim, a missing claim adds no branch, and a caller
 * without any branch gets the condition {@code false}, never {@code true}. The claims are bound as named
 * parameters ({@code :scopeDepartment}, {@code :scopeArea}, {@code :scopeLeader}); the SQL holds only the
 * service's column expressions.
 */
public final class CaseScopeSql {

    /** The parameter bound to the caller's {@code department} claim. */
    public static final String DEPARTMENT = "scopeDepartment";
    /** The parameter bound to the LIKE pattern of the caller's area ({@link Jurisdiction#likePattern()}). */
    public static final String AREA = "scopeArea";
    /** The parameter bound to the caller's {@code leader_id} claim. */
    public static final String LEADER_ID = "scopeLeader";

    private CaseScopeSql() {
    }

    /**
     * Where a service keeps each of {@link CaseFacts}' facts: SQL expressions over the case's row. An
     * expression for a fact the service does not hold is null, and grants nothing, as a null fact does.
     *
     * @param department        the unit handling the case now (text)
     * @param formerDepartments the units that handled it before, as a {@code text[]} expression
     * @param locality          {@link CaseFacts#locality()}: the competent locality, else the petition's (text)
     * @param supervisingBody   the handling unit's supervising body (text)
     * @param owningLeaderId    the owning leader's id (text)
     * @param accusation        whether the case is an accusation (boolean; null reads as false)
     * @param accusedLine       given the SQL reference of a unit code, whether that unit lies in the accused
     *                          line (boolean; null reads as false); {@link CaseFacts#accusedLine()}
     * @param accusedLeaderId   the accused official's leader id (text)
     */
    public record Columns(String department, String formerDepartments, String locality, String supervisingBody,
                          String owningLeaderId, String accusation, UnaryOperator<String> accusedLine,
                          String accusedLeaderId) {
    }

    /** A SQL condition and the named parameters it binds. */
    public record Condition(String sql, Map<String, Object> parameters) {

        public Condition {
            parameters = Map.copyOf(parameters);
        }
    }

    /** The cases the caller may see (any access), as a condition over the columns. */
    public static Condition visible(Caller c, Columns col) {
        Map<String, Object> params = new LinkedHashMap<>();
        String dept = c.department() == null ? null : ":" + DEPARTMENT;
        String leader = c.leaderId() == null ? null : ":" + LEADER_ID;
        List<String> grants = new ArrayList<>();
        if (c.has(HANDLER) && dept != null) {
            List<String> unit = new ArrayList<>();
            if (col.department() != null) {
                unit.add(col.department() + " = " + dept);            // FULL: the unit handling it now
            }
            if (col.formerDepartments() != null) {
                unit.add(dept + " = any(" + col.formerDepartments() + ")"); // MASKED: handled it before
            }
            grants.addAll(unit);
        }
        Jurisdiction area = CaseScope.listArea(c, DISPATCHER, SUPERVISOR, AUDITOR, ADMIN);
        if (area != null && col.locality() != null) {
            // Jurisdiction.covers: a non-blank division code starting with the area's prefix
            grants.add("(" + col.locality() + " like :" + AREA + " and " + col.locality() + " <> '')");
            params.put(AREA, area.likePattern());
        }
        if (c.has(SUPERVISOR) && dept != null && col.supervisingBody() != null) {
            grants.add(col.supervisingBody() + " = " + dept);          // the supervising body (上级主管单位)
        }
        if (c.has(LEADER) && leader != null && col.owningLeaderId() != null) {
            grants.add(col.owningLeaderId() + " = " + leader);         // 包案
        }
        if (grants.isEmpty()) {
            return new Condition("false", Map.of());
        }
        List<String> accused = new ArrayList<>();
        if (dept != null && col.accusedLine() != null) {
            accused.add(col.accusedLine().apply(dept));
        }
        if (leader != null && col.accusedLeaderId() != null) {
            accused.add(col.accusedLeaderId() + " = " + leader);
        }
        String sql = "(" + String.join(" or ", grants) + ")";
        if (!accused.isEmpty() && col.accusation() != null) {
            // CaseScope.accused: NONE whatever else the caller holds (保护检举人)
            sql = "(not coalesce(" + col.accusation() + " and (" + String.join(" or ", accused) + "), false) and " + sql + ")";
        }
        if (sql.contains(":" + DEPARTMENT)) {
            params.put(DEPARTMENT, c.department());
        }
        if (sql.contains(":" + LEADER_ID)) {
            params.put(LEADER_ID, c.leaderId());
        }
        return new Condition(sql, params);
    }
}
