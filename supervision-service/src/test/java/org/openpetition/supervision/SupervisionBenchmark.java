package org.openpetition.supervision;

import static io.restassured.RestAssured.given;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.UUID;
import org.openpetition.platform.outbox.OutboxEvent;
import org.openpetition.platform.outbox.OutboxWriter;
import org.openpetition.supervision.repository.SweepStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openpetition.devinfra.InfraTestResource;
import org.openpetition.devinfra.SharedInfrastructure;
import org.openpetition.supervision.indicators.DivisionPrefix;
import org.openpetition.supervision.indicators.IndicatorQuery.Grouping;
import org.openpetition.supervision.indicators.IndicatorRollup;
import org.openpetition.supervision.indicators.Indicators;
import org.openpetition.supervision.indicators.Period;
import org.openpetition.supervision.service.CaseClock;
import org.openpetition.supervision.service.DeadlineSweep;

/**
 * Not a test: prints the time of a deadline sweep with 1,000,000 open cases (none due, and 1,000 due)
 * and of the indicator query for a province, against the real PostgreSQL of the test harness. Targets
 * (issue 5): a sweep under 100 ms, an indicator query under 500 ms. Run:
 * {@code ./mvnw -pl supervision-service verify -Dtest=SupervisionBenchmark -Dbenchmark=true}
 * (optional -Dbenchmark.cases=1000000 -Dbenchmark.rounds=5).
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "supervision"))
class SupervisionBenchmark {

    /** Counties of the three demo provinces; cases are spread over their townships and villages. */
    private static final String COUNTIES = "511702,511703,511722,511723,511724,511725,511781,510104,510105,510106,"
            + "450326,450305,450102,450103,450321,411625,411602,411622,411623,411624,411627,411628";

    @Inject
    DeadlineSweep sweep;

    @Inject
    Indicators indicators;

    @Inject
    CaseClock clock;

    @Inject
    IndicatorRollup rollup;

    @Inject
    io.vertx.mutiny.sqlclient.Pool pool;

    @Test
    void sweepAndIndicatorsWithAMillionOpenCases() throws Throwable {
        int cases = Integer.getInteger("benchmark.cases", 1_000_000);
        int rounds = Integer.getInteger("benchmark.rounds", 5);
        LocalDate today = clock.day(Instant.now());
        long loadStart = System.nanoTime();
        load(cases, today);
        print("loaded %,d open cases and %,d petitions in %.1f s (then VACUUM ANALYZE)", cases, cases,
                (System.nanoTime() - loadStart) / 1e9);

        List<Double> none = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            none.add(time(() -> sweep.sweep(today), issued -> check(issued == 0, "no alert due, issued " + issued)));
        }
        print("sweep, none due: %s ms (median %.1f)", list(none), median(none));

        List<Double> due = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            makeDue(1000, today);
            due.add(time(() -> sweep.sweep(today), issued -> check(issued == 1000, "1000 warnings, issued " + issued)));
        }
        print("sweep, 1,000 due back to back, the relay publishing the round before beside it (1,000 warnings, alerts "
                + "and outbox events written): %s ms (median %.1f)", list(due), median(due));

        List<Double> drained = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            awaitOutboxDrained();
            makeDue(1000, today);
            drained.add(time(() -> sweep.sweep(today), issued -> check(issued == 1000, "1000 warnings, issued " + issued)));
        }
        print("sweep, 1,000 due, the relay done with the round before (as with a sweep a minute): %s ms (median %.1f)",
                list(drained), median(drained));

        if (Boolean.getBoolean("benchmark.profile")) {
            profileOneBatch(today);
        }
        if (Boolean.getBoolean("benchmark.sweepOnly")) {
            return;
        }

        long rollStart = System.nanoTime();
        int days = VertxContextSupport.subscribeAndAwait(() -> rollup.rollUp(today));
        print("indicator roll-up, first run (%d days, every county and department): %.1f s", days,
                (System.nanoTime() - rollStart) / 1e9);
        rollStart = System.nanoTime();
        days = VertxContextSupport.subscribeAndAwait(() -> rollup.rollUp(today));
        print("indicator roll-up, nightly run (%d days again): %.1f s", days, (System.nanoTime() - rollStart) / 1e9);

        for (String[] q : new String[][]{{"month", today.withDayOfMonth(1).toString()}, {"quarter", today.minusDays(90).toString()},
                {"year", today.minusDays(364).toString()}}) {
            Period period = Period.of(LocalDate.parse(q[1]), today, Period.Comparison.PREVIOUS,
                    org.openpetition.supervision.i18n.Languages.ofRecords());
            for (Grouping grouping : List.of(Grouping.NONE, Grouping.LOCALITY, Grouping.DEPARTMENT)) {
                List<Double> times = new ArrayList<>();
                for (int i = 0; i < rounds; i++) {
                    times.add(time(() -> indicators.report(new DivisionPrefix("51"), period, grouping),
                            r -> check(r.total().counts().get("petitions").current() > 0, "petitions counted")));
                }
                print("indicators, province 51 (四川), %s (%s to %s, and the period before), groupBy %s: %s ms (median %.1f)",
                        q[0], period.from(), period.to(), grouping.name().toLowerCase(Locale.ROOT), list(times), median(times));
            }
        }
        String token = SharedInfrastructure.get().keycloak().accessToken("auditor");
        List<Double> http = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            long httpStart = System.nanoTime();
            given().auth().oauth2(token).queryParam("locality", "510000").queryParam("groupBy", "locality")
                    .when().get("/api/reports/indicators").then().statusCode(200);
            http.add((System.nanoTime() - httpStart) / 1e6);
        }
        print("indicators over HTTP (JSON, province 51 this month by city): %s ms (median %.1f)", list(http), median(http));
    }

    private void load(int cases, LocalDate today) throws Throwable {
        sql("""
                insert into supervised_case (case_id, tracking_code, department_code, department_name, locality_code, status,
                    received_at, assigned_at, acceptance_due, due, due_kind, accepted_at, acceptance_decided_at, reply_due,
                    replied_at, evaluation, evaluated_at, alert_level, next_alert_on, assignments)
                select gen_random_uuid(), 'XF-B' || g, county || '-' || dept, '部门' || dept, locality,
                       case when g % 10 < 4 then 'ASSIGNED' when g % 10 < 8 then 'ACCEPTED' else 'REPLIED' end,
                       received, received, received::date + 15,
                       case when g % 10 < 4 then received::date + 15 when g % 10 < 8 then received::date + 75 end,
                       case when g % 10 < 4 then 'ACCEPTANCE' when g % 10 < 8 then 'REPLY' end,
                       case when g % 10 >= 4 then received + (g % 17) * interval '1 day' end,
                       case when g % 10 >= 4 then received + (g % 17) * interval '1 day' end,
                       case when g % 10 >= 4 then received::date + (g % 17) + 60 end,
                       case when g % 10 >= 8 then received + (g % 17 + g % 70) * interval '1 day' end,
                       case when g % 10 = 9 then (array['SATISFIED','BASICALLY_SATISFIED','DISSATISFIED'])[g % 3 + 1] end,
                       case when g % 10 = 9 then received + (g % 17 + g % 70 + 5) * interval '1 day' end,
                       5, case when g % 10 < 8 then cast(:today as date) + 1 + g % 60 end, 1 + (g % 50 = 0)::int
                from (select g, county, dept,
                             county || lpad((1 + g % 20)::text, 3, '0') || lpad((1 + g % 30)::text, 3, '0') as locality,
                             now() - (g % 365) * interval '1 day' - (g % 86400) * interval '1 second' as received
                      from (select g, (string_to_array(cast(:counties as text), ','))[1 + g % 22] as county,
                                   (array['ZJJ','RSJ','ZRZYJ','STHJJ','JYJ','WJW','GAJ','MZJ','SCJGJ'])[1 + g % 9] as dept
                            from generate_series(1, cast(:n as integer)) g) x) y""", today, cases);
        sql("""
                insert into petition_record (petition_id, case_id, locality_code, channel, kind, received_at, repeat, collective)
                select gen_random_uuid(), gen_random_uuid(),
                       (string_to_array(cast(:counties as text), ','))[1 + g % 22] || lpad((1 + g % 20)::text, 3, '0') || lpad((1 + g % 30)::text, 3, '0'),
                       'ONLINE', 'SOLUTION_REQUEST', now() - (g % 365) * interval '1 day' - (g % 86400) * interval '1 second',
                       g % 20 = 0, g % 50 = 0
                from generate_series(1, cast(:n as integer)) g
                where cast(:today as date) is not null""", today, cases);
        // statistics as autovacuum would have them on a live database
        for (String table : List.of("supervised_case", "petition_record")) {
            sql("analyze " + table, null, 0);
        }
    }

    /**
     * EXPLAIN (ANALYZE, BUFFERS) of the sweep's three statements on one batch of 1,000 due cases, with
     * the client's time of each, in one transaction rolled back (-Dbenchmark.profile=true).
     */
    private void profileOneBatch(LocalDate today) throws Throwable {
        awaitOutboxDrained();
        makeDue(1000, today);
        VertxContextSupport.subscribeAndAwait(() -> pool.withConnection(conn -> conn.begin().chain(tx -> {
            List<String> out = new ArrayList<>();
            Tuple lock = Tuple.of(today, 1000);
            return explain(conn, out, "lock", SweepStore.LOCK_DUE, lock)
                    .chain(() -> SweepStore.lockDue(conn, today, 1000))
                    .chain(locked -> {
                        List<SweepStore.Issue> issues = new ArrayList<>();
                        java.time.Instant now = java.time.Instant.now();
                        for (SupervisedCase c : locked.cases()) {
                            c.alertLevel = 1;
                            c.nextAlertOn = today.plusDays(4);
                            DeadlineAlert a = new DeadlineAlert();
                            a.id = UUID.randomUUID();
                            a.caseId = c.caseId;
                            a.dueKind = "ACCEPTANCE";
                            a.due = today.plusDays(3);
                            a.alert = "WARNING";
                            a.alertDay = today;
                            a.departmentCode = c.departmentCode;
                            a.at = now;
                            OutboxEvent e = new OutboxEvent();
                            e.eventId = UUID.randomUUID();
                            e.topic = "case.deadline.v1";
                            e.eventType = "org.openpetition.case.deadline.v1";
                            e.payload = "{\"alertId\":\"" + a.id + "\",\"caseId\":\"" + a.caseId
                                    + "\",\"trackingCode\":\"XF-B1\",\"alert\":\"WARNING\",\"dueKind\":\"ACCEPTANCE\",\"due\":\""
                                    + a.due + "\",\"daysOverdue\":-3,\"departmentCode\":\"" + a.departmentCode
                                    + "\",\"departmentName\":\"部门\",\"localityCode\":\"511703001001\",\"at\":\"" + now + "\"}";
                            OutboxEvent feed = new OutboxEvent();
                            feed.eventId = UUID.randomUUID();
                            feed.topic = "dept." + a.departmentCode + ".cases.v1";
                            feed.eventType = "org.openpetition.department.case.v1";
                            feed.payload = "{\"caseId\":\"" + a.caseId + "\",\"trackingCode\":\"XF-B1\",\"departmentCode\":\""
                                    + a.departmentCode + "\",\"event\":\"WARNING\",\"at\":\"" + now
                                    + "\",\"localityCode\":\"511703001001\",\"due\":\"" + a.due + "\",\"dueKind\":\"ACCEPTANCE\"}";
                            issues.add(new SweepStore.Issue(a, e, feed));
                        }
                        java.util.Set<UUID> all = new java.util.HashSet<>();
                        issues.forEach(i -> all.add(i.alert().id));
                        return explain(conn, out, "write ladders and alerts", SweepStore.WRITE_BATCH,
                                SweepStore.writes(locked, issues))
                                .chain(() -> explain(conn, out, "outbox rows", OutboxWriter.insertStatement(1),
                                        OutboxWriter.bind(Tuple.tuple(), SweepStore.events(issues, all))));
                    })
                    .chain(() -> tx.rollback())
                    .invoke(() -> out.forEach(System.out::println));
        })));
    }

    private static Uni<Void> explain(io.vertx.mutiny.sqlclient.SqlConnection conn, List<String> out, String name, String sql,
                                     Tuple args) {
        long start = System.nanoTime();
        return conn.preparedQuery("explain (analyze, buffers) " + sql).execute(args).invoke(rows -> {
            out.add("BENCHMARK supervision: EXPLAIN " + name + String.format(Locale.ROOT, " (client %.1f ms)",
                    (System.nanoTime() - start) / 1e6));
            rows.forEach(r -> out.add("    " + r.getString(0)));
        }).replaceWithVoid();
    }

    /** Waits until the relay has published every outbox row (a sweep per minute leaves it the time). */
    private void awaitOutboxDrained() throws Throwable {
        for (int i = 0; i < 600; i++) {
            long pending = VertxContextSupport.subscribeAndAwait(() -> pool.query(
                    "select count(*) from outbox_event where published_at is null").execute()
                    .map(rows -> rows.iterator().next().getLong(0)));
            if (pending == 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the outbox did not drain");
    }

    /** Turns 1,000 cases whose ladder is done into cases warned today. */
    private void makeDue(int n, LocalDate today) throws Throwable {
        sql("""
                update supervised_case set due = cast(:today as date) + 3, due_kind = 'ACCEPTANCE', alert_level = 0, next_alert_on = cast(:today as date)
                where case_id in (select case_id from supervised_case where status = 'ASSIGNED' and alert_level = 5
                                  and tracking_code like 'XF-B%' limit cast(:n as integer))""", today, n);
    }

    private static void sql(String statement, LocalDate today, int n) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession().chain(s -> {
            var q = s.createNativeQuery(statement);
            if (statement.contains(":today")) {
                q.setParameter("today", today);
            }
            if (statement.contains(":n")) {
                q.setParameter("n", n);
            }
            if (statement.contains(":counties")) {
                q.setParameter("counties", COUNTIES);
            }
            return q.executeUpdate();
        })));
    }

    private static <T> double time(Supplier<Uni<T>> work, java.util.function.Consumer<T> check) throws Throwable {
        long start = System.nanoTime();
        T result = VertxContextSupport.subscribeAndAwait(work);
        double ms = (System.nanoTime() - start) / 1e6;
        check.accept(result);
        return ms;
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("benchmark precondition failed: " + what);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static String list(List<Double> values) {
        return values.stream().map(v -> String.format(Locale.ROOT, "%.1f", v)).toList().toString();
    }

    private static void print(String format, Object... args) {
        System.out.println("BENCHMARK supervision: " + String.format(Locale.ROOT, format, args));
    }
}
