package org.openpetition.platform.outbox;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jboss.logging.Logger;

/**
 * Keeps the outbox and the marks of applied events from growing without end: deletes events published
 * longer ago than {@code petition.outbox.keep-published} (7 days) and marks older than
 * {@code petition.outbox.keep-processed} (45 days, longer than the topics keep their records), a bounded
 * batch per statement so that no run holds many locks or a long transaction. Unpublished events are
 * never deleted. Safe on every replica at once: a row deleted twice is deleted once. Runs hourly
 * ({@code petition.outbox.housekeeping-interval}); neither table has an index on the time it filters
 * by (one would cost every insert), so a run reads each table once.
 */
@ApplicationScoped
public class OutboxHousekeeping {

    private static final Logger LOG = Logger.getLogger(OutboxHousekeeping.class);
    /** Rows deleted per statement. */
    static final int BATCH = 5_000;
    /** Statements per table and run; what is left waits for the next run. */
    private static final int MAX_BATCHES = 20;

    private final OutboxConfig config;
    private final Pool pool;

    public OutboxHousekeeping(OutboxConfig config, Pool pool) {
        this.config = config;
        this.pool = pool;
    }

    @Scheduled(every = "${petition.outbox.housekeeping-interval:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return purge().replaceWithVoid();
    }

    /** One run: the rows deleted, outbox events and processed marks. */
    public Uni<long[]> purge() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return deleteAll("""
                        delete from outbox_event where seq in (
                            select seq from outbox_event where published_at < $1 limit $2)""",
                now.minus(config.keepPublished()), 0, 0)
                .chain(events -> deleteAll("""
                                delete from processed_event where (consumer, event_id) in (
                                    select consumer, event_id from processed_event where processed_at < $1 limit $2)""",
                        now.minus(config.keepProcessed()), 0, 0)
                        .map(marks -> new long[] {events, marks}))
                .invoke(deleted -> {
                    if (deleted[0] + deleted[1] > 0) {
                        LOG.infof("housekeeping deleted %d published outbox events older than %s and %d marks of applied events"
                                + " older than %s", deleted[0], config.keepPublished(), deleted[1], config.keepProcessed());
                    }
                })
                .onFailure().invoke(e -> LOG.warnf("housekeeping failed, trying again at the next run: %s", e.toString()));
    }

    private Uni<Long> deleteAll(String sql, OffsetDateTime before, long deleted, int batches) {
        return pool.preparedQuery(sql).execute(Tuple.of(before, BATCH))
                .chain(rows -> rows.rowCount() == BATCH && batches + 1 < MAX_BATCHES
                        ? deleteAll(sql, before, deleted + rows.rowCount(), batches + 1)
                        : Uni.createFrom().item(deleted + rows.rowCount()));
    }
}
