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
import org.openpetition.contracts.CloudEvent;
import org.openpetition.platform.outbox.OutboxEvent;
import org.openpetition.supervision.DeadlineAlert;
import org.openpetition.supervision.SupervisedCase;

/**
 * The deadline sweep's storage: in one transaction it locks a batch of cases whose next alert is due
 * (skipping those another replica holds), then writes back their alert ladders and inserts their alerts
 * with the outbox rows of the alerts' events. Two statements per batch, whatever its size, on the reactive
 * client directly (arrays bound whole): entity management and per-row statements cost milliseconds per case.
 */
@ApplicationScoped
public class SweepStore {

    /** An alert, the outbox row of its case.deadline.v1 event and that of its department's feed. */
    public record Issue(DeadlineAlert alert, OutboxEvent event, OutboxEvent feed) {
    }

    /** What a batch did: the cases it locked and the alerts that were new (an alert issued before is not again). */
    public record Batch(int cases, int alerts) {
    }

    /** The cases a batch locked, with the tuple id each was locked at. */
    public record Locked(List<SupervisedCase> cases, List<String> tids) {
    }

    /** Statement of the sweep (public for the benchmark's EXPLAIN). */
    public static final String LOCK_DUE = """
            select ctid::text as tid, case_id, tracking_code, department_code, department_name, locality_code, due, due_kind,
                   alert_level, overdue_since
            from supervised_case
            where next_alert_on <= $1
            order by next_alert_on
            limit $2
            for update skip locked""";

    /**
     * The writes of a batch in one statement: the ladders ($1-$5), then the alerts ($6-$20) with the two
     * outbox rows (case.deadline.v1 and the department's feed) of those that are new (the unique key of an
     * alert turns a repeat into nothing). Its row count is
     * the number of new alerts. A case is found by the tuple id it was locked at (a TID scan instead of a
     * primary-key lookup: the row lock keeps the tuple where it is until the transaction ends), checked
     * against its id.
     */
    public static final String WRITE_BATCH = """
            with ladders as (
                update supervised_case c
                set alert_level = l.level, next_alert_on = l.next, overdue_since = l.overdue
                from unnest($1::text[]::tid[], $2::uuid[], $3::int[], $4::date[], $5::date[]) l (tid, id, level, next, overdue)
                where c.ctid = l.tid and c.case_id = l.id),
            v (id, case_id, due_kind, due, alert, alert_day, department_code, at, event_id, topic, event_type, payload,
               feed_id, feed_topic, feed_payload) as (
                select * from unnest($6::uuid[], $7::uuid[], $8::text[], $9::date[], $10::text[], $11::date[],
                                     $12::text[], $13::timestamptz[], $14::uuid[], $15::text[], $16::text[], $17::text[],
                                     $18::uuid[], $19::text[], $20::text[])),
            ins as (
                insert into deadline_alert (id, case_id, due_kind, due, alert, alert_day, department_code, at)
                select id, case_id, due_kind, due, alert, alert_day, department_code, at from v
                on conflict (case_id, due_kind, due, alert, department_code) do nothing
                returning id)
            insert into outbox_event (event_id, topic, record_key, event_type, payload, occurred_at)
            select x.event_id, x.topic, v.case_id::text, x.event_type, x.payload, v.at
            from v join ins on ins.id = v.id
                 cross join lateral (values (v.event_id, v.topic, v.event_type, v.payload),
                                            (v.feed_id, v.feed_topic, '%s', v.feed_payload)) x (event_id, topic, event_type, payload)
            """.formatted(CloudEvent.TYPE_DEPARTMENT_CASE_V1);

    private final Pool pool;

    public SweepStore(Pool pool) {
        this.pool = pool;
    }

    /**
     * Runs {@code work} in a transaction over the locked batch: it climbs the ladders of the cases
     * (changing their level, next alert day and first overdue day) and returns the alerts to issue.
     * Returns how many cases were locked and how many alerts were new.
     */
    public Uni<Batch> sweepBatch(LocalDate today, int limit, Function<List<SupervisedCase>, List<Issue>> work) {
        return pool.withTransaction(conn -> lockDue(conn, today, limit).chain(locked -> {
            List<SupervisedCase> cases = locked.cases();
            if (cases.isEmpty()) {
                return Uni.createFrom().item(new Batch(0, 0));
            }
            List<Issue> issues = work.apply(cases);
            return conn.preparedQuery(WRITE_BATCH).execute(writes(locked, issues))
                    .map(rows -> new Batch(cases.size(), rows.rowCount()));
        }));
    }

    /** Locks the batch ({@link #LOCK_DUE}); public for the benchmark's EXPLAIN. */
    public static Uni<Locked> lockDue(SqlConnection conn, LocalDate today, int limit) {
        return conn.preparedQuery(LOCK_DUE)
                .execute(Tuple.of(today, limit))
                .map(rows -> {
                    List<SupervisedCase> cases = new ArrayList<>();
                    List<String> tids = new ArrayList<>();
                    for (Row r : rows) {
                        tids.add(r.getString("tid"));
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
                    return new Locked(cases, tids);
                });
    }

    /** The parameters of {@link #WRITE_BATCH}: the ladders of the cases, then the alerts and their events. */
    public static Tuple writes(Locked locked, List<Issue> issues) {
        List<SupervisedCase> cases = locked.cases();
        int n = cases.size();
        int m = issues.size();
        return Tuple.tuple()
                .addValue(locked.tids().toArray(new String[n]))
                .addValue(column(cases, c -> c.caseId, new UUID[n]))
                .addValue(column(cases, c -> c.alertLevel, new Integer[n]))
                .addValue(column(cases, c -> c.nextAlertOn, new LocalDate[n]))
                .addValue(column(cases, c -> c.overdueSince, new LocalDate[n]))
                .addValue(column(issues, x -> x.alert().id, new UUID[m]))
                .addValue(column(issues, x -> x.alert().caseId, new UUID[m]))
                .addValue(column(issues, x -> x.alert().dueKind, new String[m]))
                .addValue(column(issues, x -> x.alert().due, new LocalDate[m]))
                .addValue(column(issues, x -> x.alert().alert, new String[m]))
                .addValue(column(issues, x -> x.alert().alertDay, new LocalDate[m]))
                .addValue(column(issues, x -> x.alert().departmentCode, new String[m]))
                .addValue(column(issues, x -> x.alert().at.atOffset(ZoneOffset.UTC), new OffsetDateTime[m]))
                .addValue(column(issues, x -> x.event().eventId, new UUID[m]))
                .addValue(column(issues, x -> x.event().topic, new String[m]))
                .addValue(column(issues, x -> x.event().eventType, new String[m]))
                .addValue(column(issues, x -> x.event().payload, new String[m]))
                .addValue(column(issues, x -> x.feed().eventId, new UUID[m]))
                .addValue(column(issues, x -> x.feed().topic, new String[m]))
                .addValue(column(issues, x -> x.feed().payload, new String[m]));
    }

    private static <T, V> V[] column(List<T> rows, Function<T, V> value, V[] into) {
        for (int i = 0; i < rows.size(); i++) {
            into[i] = value.apply(rows.get(i));
        }
        return into;
    }
}
