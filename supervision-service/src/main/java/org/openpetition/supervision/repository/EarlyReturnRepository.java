package org.openpetition.supervision.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The table {@code early_return}: returns (case.returned.v1) of cases not yet on the clock, kept until
 * that department's assignment arrives.
 */
@ApplicationScoped
public class EarlyReturnRepository {

    /** A return as supervision keeps it. */
    public record Return(String departmentCode, String departmentName, String reason, Instant returnedAt) {
    }

    /** Keeps a return of a case not yet on the clock (a repeat is kept once), in the caller's transaction. */
    public Uni<Void> remember(UUID caseId, Return r) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into early_return (case_id, department_code, department_name, reason, returned_at)
                        values (:caseId, :department, :name, :reason, :at) on conflict do nothing""")
                .setParameter("caseId", caseId).setParameter("department", r.departmentCode())
                .setParameter("name", r.departmentName()).setParameter("reason", r.reason())
                .setParameter("at", r.returnedAt()).executeUpdate()).replaceWithVoid();
    }

    /** Takes (deletes and returns) the kept returns of a case by a department, in the caller's transaction. */
    public Uni<List<Return>> take(UUID caseId, String departmentCode) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        delete from early_return where case_id = :caseId and department_code = :department
                        returning department_name, reason, returned_at""", Object[].class)
                .setParameter("caseId", caseId).setParameter("department", departmentCode)
                .getResultList())
                .map(rows -> rows.stream().map(row -> new Return(departmentCode, (String) row[0], (String) row[1],
                        instant(row[2]))).toList());
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((LocalDateTime) value).toInstant(ZoneOffset.UTC);
    }
}
