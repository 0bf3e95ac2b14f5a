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
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.openpetition.platform.outbox.OutboxEvent;
import org.openpetition.platform.outbox.OutboxWriter;
import org.openpetition.supervision.DeadlineAlert;
import org.openpetition.supervision.SupervisedCase;

/**
 * The deadline sweep's storage: in one transaction it locks a batch of cases whose next alert is due
 * (skipping those another replica holds), then writes back their alert ladders and inserts their alerts in one
 * statement, and the outbox rows of the new alerts' events through {@link OutboxWriter} in another. Three
 * statements per batch, whatever its size, on the reactive client directly (arrays bound whole): entity
 * management and per-row statements cost milliseconds per case.
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
     * The writes of a batch in one statement: the ladders ($1-$5), then the alerts ($6-$13); it returns the
     * ids of the alerts that are new (the unique key of an alert turns a repeat into nothing). A case is found
     * by the tuple id it was locked at (a TID scan instead of a primary-key lookup: the row lock keeps the
     * tuple where it is until the transaction ends), checked against its id.
     */
    public static final String WRITE_BATCH = """
            with ladders as (
                update supervised_case c
                set alert_level = l.level, next_alert_on = l.next, overdue_since = l.overdue
                from unnest($1::text[]::tid[], $2::uuid[], $3::int[], $4::date[], $5::date[]) l (tid, id, level, next, overdue)
                where c.ctid = l.tid and c.case_id = l.id)
            insert into deadline_alert (id, case_id, due_kind, due, alert, alert_day, department_code, at)
            select * from unnest($6::uuid[], $7::uuid[], $8::text[], $9::date[], $10::text[], $11::date[], $12::text[],
                                 $13::timestamptz[])
            on conflict (case_id, due_kind, due, alert, department_code) do nothing
            returning id""";

    private final Pool pool;
    private final OutboxWriter outbox;

    public SweepStore(Pool pool, OutboxWriter outbox) {
        this.pool = pool;
        this.outbox = outbox;
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
            return conn.preparedQuery(WRITE_BATCH).execute(writes(locked, issues)).chain(rows -> {
                Set<UUID> fresh = new HashSet<>();
                rows.forEach(r -> fresh.add(r.getUUID("id")));
                return outbox.appendAll(conn, events(issues, fresh)).replaceWith(new Batch(cases.size(), fresh.size()));
            });
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

    /**
     * The outbox rows of the new alerts (case.deadline.v1, then the department's feed, alert by alert), through
     * the one writer of outbox_event; public for the benchmark's EXPLAIN.
     */
    public static List<OutboxEvent> events(List<Issue> issues, Set<UUID> newAlerts) {
        List<OutboxEvent> events = new ArrayList<>();
        for (Issue issue : issues) {
            if (newAlerts.contains(issue.alert().id)) {
                events.add(issue.event());
                events.add(issue.feed());
            }
        }
        return events;
    }

    /** The parameters of {@link #WRITE_BATCH}: the ladders of the cases, then the alerts. */
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
                .addValue(column(issues, x -> x.alert().at.atOffset(ZoneOffset.UTC), new OffsetDateTime[m]));
    }

    private static <T, V> V[] column(List<T> rows, Function<T, V> value, V[] into) {
        for (int i = 0; i < rows.size(); i++) {
            into[i] = value.apply(rows.get(i));
        }
        return into;
    }
}
