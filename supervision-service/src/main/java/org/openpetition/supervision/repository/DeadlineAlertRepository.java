package org.openpetition.supervision.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.openpetition.platform.outbox.OutboxEvent;
import org.openpetition.supervision.DeadlineAlert;

@ApplicationScoped
public class DeadlineAlertRepository implements PanacheRepositoryBase<DeadlineAlert, UUID> {

    /** An alert and the outbox row of its case.deadline.v1 event. */
    public record Issue(DeadlineAlert alert, OutboxEvent event) {
    }

    /**
     * Inserts the alerts, each unless the same one was issued before, and the outbox rows of those
     * inserted, in one statement (a sweep writes hundreds at a time); returns how many were inserted.
     */
    public Uni<Integer> insertAllIfNew(List<Issue> issues) {
        if (issues.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < issues.size(); i++) {
            values.append(i == 0 ? "" : ",\n").append("(cast(:id").append(i).append(" as uuid), cast(:case").append(i)
                    .append(" as uuid), cast(:kind").append(i).append(" as text), cast(:due").append(i).append(" as date), cast(:alert")
                    .append(i).append(" as text), cast(:day").append(i).append(" as date), cast(:dept").append(i)
                    .append(" as text), cast(:at").append(i).append(" as timestamptz), cast(:event").append(i)
                    .append(" as uuid), cast(:topic").append(i).append(" as text), cast(:type").append(i)
                    .append(" as text), cast(:payload").append(i).append(" as text))");
        }
        String sql = """
                with v (id, case_id, due_kind, due, alert, alert_day, department_code, at, event_id, topic, event_type, payload) as (
                    values %s),
                ins as (
                    insert into deadline_alert (id, case_id, due_kind, due, alert, alert_day, department_code, at)
                    select id, case_id, due_kind, due, alert, alert_day, department_code, at from v
                    on conflict (case_id, due_kind, due, alert, department_code) do nothing
                    returning id)
                insert into outbox_event (event_id, topic, record_key, event_type, payload, occurred_at)
                select v.event_id, v.topic, v.case_id::text, v.event_type, v.payload, v.at from v join ins on ins.id = v.id
                """.formatted(values);
        return getSession().chain(session -> {
            var query = session.createNativeQuery(sql);
            for (int i = 0; i < issues.size(); i++) {
                DeadlineAlert a = issues.get(i).alert();
                OutboxEvent e = issues.get(i).event();
                query.setParameter("id" + i, a.id).setParameter("case" + i, a.caseId).setParameter("kind" + i, a.dueKind)
                        .setParameter("due" + i, a.due).setParameter("alert" + i, a.alert).setParameter("day" + i, a.alertDay)
                        .setParameter("dept" + i, a.departmentCode).setParameter("at" + i, a.at)
                        .setParameter("event" + i, e.eventId).setParameter("topic" + i, e.topic)
                        .setParameter("type" + i, e.eventType).setParameter("payload" + i, e.payload);
            }
            return query.executeUpdate();
        });
    }

    public Uni<List<DeadlineAlert>> ofCase(UUID caseId) {
        return list("caseId", Sort.by("alertDay").and("at"), caseId);
    }
}
