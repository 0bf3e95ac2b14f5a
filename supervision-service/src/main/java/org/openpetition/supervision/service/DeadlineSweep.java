package org.openpetition.supervision.service;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.openpetition.contracts.CloudEvent;
import org.openpetition.contracts.Topics;
import org.openpetition.contracts.event.CaseDeadlineV1;
import org.openpetition.contracts.event.DepartmentCaseEventV1;
import org.openpetition.contracts.event.CaseDeadlineV1.Alert;
import org.openpetition.platform.jobs.CoalescingJob;
import org.openpetition.platform.outbox.OutboxRelay;
import org.openpetition.platform.outbox.OutboxWriter;
import org.openpetition.supervision.DeadlineAlert;
import org.openpetition.supervision.SupervisedCase;
import org.openpetition.supervision.config.SupervisionConfig;
import org.openpetition.supervision.repository.SweepStore;

/**
 * The supervision sweep (督办): climbs the alert ladder of every case whose next alert has fallen due,
 * issuing each alert as case.deadline.v1 through the outbox. It reads only the cases whose
 * {@code next_alert_on} has come (a partial index), so its cost follows the alerts due, not the cases
 * open. Safe with several replicas: each batch locks its cases with FOR UPDATE SKIP LOCKED, so two
 * replicas never take the same case, and an alert is unique per case, limit, due day and alert.
 */
@ApplicationScoped
public class DeadlineSweep {

    private static final Logger LOG = Logger.getLogger(DeadlineSweep.class);

    private final AlertLadder ladder;
    private final CaseClock clock;
    private final SweepStore store;
    private final OutboxWriter outbox;
    private final OutboxRelay relay;
    private final SupervisionConfig config;
    private final CoalescingJob job;
    private final SupervisionOrders orders;

    public DeadlineSweep(AlertLadder ladder, CaseClock clock, SweepStore store, OutboxWriter outbox, OutboxRelay relay,
                         SupervisionConfig config, SupervisionOrders orders, Vertx vertx) {
        this.store = store;
        this.orders = orders;
        this.ladder = ladder;
        this.clock = clock;
        this.outbox = outbox;
        this.relay = relay;
        this.config = config;
        this.job = new CoalescingJob("deadline sweep", vertx, () -> sweep(clock.day(Instant.now())));
    }

    @Scheduled(every = "${petition.supervision.sweep-every:60s}", delayed = "${petition.supervision.sweep-delay:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        if (config.sweepEnabled()) {
            job.trigger();
        }
    }

    /**
     * Issues every alert due on or before {@code today}, batch by batch, then escalates the supervision orders
     * left unanswered past their day ({@link SupervisionOrders}); returns how many alerts were issued. The relay
     * publishes them once the sweep is done, not beside it.
     */
    public Uni<Integer> sweep(LocalDate today) {
        return batches(today).invoke(alerts -> {
            if (alerts > 0) {
                relay.trigger();
            }
        }).chain(alerts -> orders.escalateOverdue(today).map(escalated -> alerts + escalated));
    }

    private Uni<Integer> batches(LocalDate today) {
        return batch(today).chain(result -> result.cases() < config.batchSize()
                ? Uni.createFrom().item(result.alerts())
                : batches(today).map(more -> more + result.alerts()));
    }

    private Uni<SweepStore.Batch> batch(LocalDate today) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        long start = System.nanoTime();
        long[] climbing = new long[1];
        return store.sweepBatch(today, config.batchSize(), due -> {
                    long climbStart = System.nanoTime();
                    List<SweepStore.Issue> issues = new ArrayList<>();
                    for (SupervisedCase c : due) {
                        climb(c, today, now, issues);
                    }
                    climbing[0] = System.nanoTime() - climbStart;
                    return issues;
                })
                .invoke(result -> {
                    if (result.alerts() > 0) {
                        LOG.infof("deadline sweep for %s: %d alerts on %d cases in %.1f ms (ladders and events %.1f ms)",
                                today, result.alerts(), result.cases(), (System.nanoTime() - start) / 1e6, climbing[0] / 1e6);
                    }
                });
    }

    /** Every rung whose day has come; a warning is skipped once the limit has already run out. */
    private void climb(SupervisedCase c, LocalDate today, Instant now, List<SweepStore.Issue> issues) {
        List<AlertLadder.Rung> rungs = ladder.rungs(c.due);
        while (c.alertLevel < rungs.size() && !rungs.get(c.alertLevel).day().isAfter(today)) {
            AlertLadder.Rung rung = rungs.get(c.alertLevel);
            Alert alert = rung.alert();
            c.alertLevel++;
            if (alert == Alert.WARNING && today.isAfter(c.due)) {
                continue;
            }
            if (alert == Alert.OVERDUE) {
                c.overdueSince = c.due.plusDays(1);
            }
            issues.add(issue(c, alert, rung.day(), now));
        }
        ladder.schedule(c);
    }

    /** The alert of the rung whose day is {@code day} (the sweep may run later than that day), and its event. */
    private SweepStore.Issue issue(SupervisedCase c, Alert alert, LocalDate day, Instant now) {
        DeadlineAlert issued = new DeadlineAlert();
        issued.id = UUID.randomUUID();
        issued.caseId = c.caseId;
        issued.dueKind = c.dueKind.name();
        issued.due = c.due;
        issued.alert = alert.name();
        issued.alertDay = day;
        issued.departmentCode = c.departmentCode;
        issued.at = now;
        CaseDeadlineV1 event = new CaseDeadlineV1(issued.id, c.caseId, c.trackingCode, alert, c.dueKind.name(),
                c.due, (int) ChronoUnit.DAYS.between(c.due, day), c.departmentCode, c.departmentName, c.localityCode, now);
        return new SweepStore.Issue(issued,
                outbox.prepare(Topics.CASE_DEADLINE_V1, CloudEvent.TYPE_CASE_DEADLINE_V1, c.caseId, event),
                outbox.prepare(Topics.departmentFeed(c.departmentCode), CloudEvent.TYPE_DEPARTMENT_CASE_V1, c.caseId,
                        new DepartmentCaseEventV1(c.caseId, c.trackingCode, c.departmentCode, alert.name(), now, null,
                                c.localityCode, c.due, c.dueKind.name())));
    }
}
