package org.openpetition.supervision.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.openpetition.platform.outbox.OutboxEvent;
import org.openpetition.supervision.DeadlineAlert;
import org.openpetition.supervision.SupervisedCase;

/**
 * The deadline sweep's storage: in one transaction it locks a batch of cases whose next alert is due
 * (skipping those another replica holds), writes back their alert ladders, and inserts their alerts with
 * the outbox rows of the alerts' events. Three statements per batch, whatever its size, on the reactive
 * client directly (arrays bound whole): entity management and per-row statements cost milliseconds per case.
 */
@ApplicationScoped
public class SweepStore {

    /** An alert and the outbox row of its case.deadline.v1 event. */
    public record Issue(DeadlineAlert alert, OutboxEvent event) {
    }

    private final Pool pool;

    public SweepStore(Pool pool) {
        this.pool = pool;
    }

    /**
     * Runs {@code work} in a transaction over the locked batch: it climbs the ladders of the cases
     * (changing their level, next alert day and first overdue day) and returns the alerts to issue.
     * Returns how many cases were locked and how many alerts were new (an alert issued before is not
     * issued again).
     */
    public Uni<int[]> sweepBatch(LocalDate today, int limit, Function<List<SupervisedCase>, List<Issue>> work) {
        return pool.withTransaction(conn -> lockDue(conn, today, limit).chain(cases -> {
            List<Issue> issues = work.apply(cases);
            return saveLadders(conn, cases).chain(() -> insertAll(conn, issues))
                    .map(inserted -> new int[]{cases.size(), inserted});
        }));
    }

    private Uni<List<SupervisedCase>> lockDue(SqlConnection conn, LocalDate today, int limit) {
        return conn.preparedQuery("""
                        select case_id, tracking_code, department_code, department_name, locality_code, due, due_kind,
                               alert_level, overdue_since
                        from supervised_case
                        where next_alert_on <= $1
                        order by next_alert_on
                        limit $2
                        for update skip locked""")
                .execute(Tuple.of(today, limit))
                .map(rows -> {
                    List<SupervisedCase> cases = new ArrayList<>();
                    for (Row r : rows) {
                        SupervisedCase c = new SupervisedCase();
                        c.caseId = r.getUUID("case_id");
                        c.trackingCode = r.getString("tracking_code");
                        c.departmentCode = r.getString("department_code");
                        c.departmentName = r.getString("department_name");
                        c.localityCode = r.getString("locality_code");
                        c.due = r.getLocalDate("due");
                        String kind = r.getString("due_kind");
                        c.dueKind = kind == null ? null : SupervisedCase.DueKind.valueOf(kind);
                        c.alertLevel = r.getInteger("alert_level");
                        c.overdueSince = r.getLocalDate("overdue_since");
                        cases.add(c);
                    }
                    return cases;
                });
    }

    private Uni<Void> saveLadders(SqlConnection conn, List<SupervisedCase> cases) {
        if (cases.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return conn.preparedQuery("""
                        update supervised_case c
                        set alert_level = v.level, next_alert_on = v.next, overdue_since = v.overdue
                        from unnest($1::uuid[], $2::int[], $3::date[], $4::date[]) v (id, level, next, overdue)
                        where c.case_id = v.id""")
                .execute(Tuple.tuple()
                        .addValue(column(cases, c -> c.caseId, new UUID[cases.size()]))
                        .addValue(column(cases, c -> c.alertLevel, new Integer[cases.size()]))
                        .addValue(column(cases, c -> c.nextAlertOn, new LocalDate[cases.size()]))
                        .addValue(column(cases, c -> c.overdueSince, new LocalDate[cases.size()])))
                .replaceWithVoid();
    }

    private Uni<Integer> insertAll(SqlConnection conn, List<Issue> issues) {
        if (issues.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return conn.preparedQuery("""
                        with v (id, case_id, due_kind, due, alert, alert_day, department_code, at, event_id, topic, event_type,
                                payload) as (
                            select * from unnest($1::uuid[], $2::uuid[], $3::text[], $4::date[], $5::text[], $6::date[],
                                                 $7::text[], $8::timestamptz[], $9::uuid[], $10::text[], $11::text[], $12::text[])),
                        ins as (
                            insert into deadline_alert (id, case_id, due_kind, due, alert, alert_day, department_code, at)
                            select id, case_id, due_kind, due, alert, alert_day, department_code, at from v
                            on conflict (case_id, due_kind, due, alert, department_code) do nothing
                            returning id)
                        insert into outbox_event (event_id, topic, record_key, event_type, payload, occurred_at)
                        select v.event_id, v.topic, v.case_id::text, v.event_type, v.payload, v.at
                        from v join ins on ins.id = v.id""")
                .execute(Tuple.tuple()
                        .addValue(column(issues, x -> x.alert().id, new UUID[issues.size()]))
                        .addValue(column(issues, x -> x.alert().caseId, new UUID[issues.size()]))
                        .addValue(column(issues, x -> x.alert().dueKind, new String[issues.size()]))
                        .addValue(column(issues, x -> x.alert().due, new LocalDate[issues.size()]))
                        .addValue(column(issues, x -> x.alert().alert, new String[issues.size()]))
                        .addValue(column(issues, x -> x.alert().alertDay, new LocalDate[issues.size()]))
                        .addValue(column(issues, x -> x.alert().departmentCode, new String[issues.size()]))
                        .addValue(column(issues, x -> x.alert().at.atOffset(ZoneOffset.UTC), new OffsetDateTime[issues.size()]))
                        .addValue(column(issues, x -> x.event().eventId, new UUID[issues.size()]))
                        .addValue(column(issues, x -> x.event().topic, new String[issues.size()]))
                        .addValue(column(issues, x -> x.event().eventType, new String[issues.size()]))
                        .addValue(column(issues, x -> x.event().payload, new String[issues.size()])))
                .map(rows -> rows.rowCount());
    }

    private static <T, V> V[] column(List<T> rows, Function<T, V> value, V[] into) {
        for (int i = 0; i < rows.size(); i++) {
            into[i] = value.apply(rows.get(i));
        }
        return into;
    }
}
