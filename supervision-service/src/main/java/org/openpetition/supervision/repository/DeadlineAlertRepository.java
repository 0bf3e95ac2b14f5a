package org.openpetition.supervision.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.openpetition.supervision.DeadlineAlert;

@ApplicationScoped
public class DeadlineAlertRepository implements PanacheRepositoryBase<DeadlineAlert, UUID> {

    /** Inserts the alert unless the same one was issued before; true if it was inserted. */
    public Uni<Boolean> insertIfNew(DeadlineAlert a) {
        return getSession().chain(session -> session.createNativeQuery("""
                        insert into deadline_alert (id, case_id, due_kind, due, alert, alert_day, department_code, at)
                        values (:id, :caseId, :dueKind, :due, :alert, :alertDay, :department, :at)
                        on conflict (case_id, due_kind, due, alert, department_code) do nothing""")
                .setParameter("id", a.id).setParameter("caseId", a.caseId).setParameter("dueKind", a.dueKind)
                .setParameter("due", a.due).setParameter("alert", a.alert).setParameter("alertDay", a.alertDay)
                .setParameter("department", a.departmentCode).setParameter("at", a.at)
                .executeUpdate())
                .map(rows -> rows == 1);
    }

    public Uni<List<DeadlineAlert>> ofCase(UUID caseId) {
        return list("caseId", Sort.by("alertDay").and("at"), caseId);
    }
}
