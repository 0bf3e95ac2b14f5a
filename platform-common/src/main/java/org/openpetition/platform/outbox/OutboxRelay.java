package org.openpetition.platform.outbox;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import org.openpetition.platform.jobs.CoalescingJob;

/**
 * Relays the outbox to Kafka. Runs on a schedule and right after a service commits an event
 * ({@link #trigger()}). One relay at a time publishes, across all replicas (a PostgreSQL
 * transaction-level advisory lock), in outbox order; the idempotent producer keeps that order
 * within a partition, so the events of one case never overtake each other. A row is marked published only after the broker
 * acknowledged it (acks=all), so a crash or a broker outage delays an event but never loses it;
 * a crash after the acknowledgement and before the commit publishes it again, which the
 * consumers' deduplication absorbs.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Advisory lock id of the relay ("outbox" in ASCII). */
    private static final long RELAY_LOCK = 0x6f7574626f78L;

    private final OutboxPublisher publisher;
    private final OutboxConfig config;
    private final CoalescingJob job;
    private final Pool pool;

    public OutboxRelay(OutboxPublisher publisher, OutboxConfig config, Vertx vertx, Pool pool) {
        this.pool = pool;
        this.publisher = publisher;
        this.config = config;
        this.job = new CoalescingJob("outbox relay", vertx, this::relayBatch);
    }

    /** Asks for a relay run soon, without waiting for it. Safe to call from any thread. */
    public void trigger() {
        if (config.relayEnabled()) {
            job.trigger();
        }
    }

    @Scheduled(every = "${petition.outbox.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> poll() {
        return config.relayEnabled() ? job.runOnce() : Uni.createFrom().voidItem();
    }

    /**
     * One run, on the reactive client directly (no entity session): the lock, the pending rows in order,
     * the sends, then every row marked in one statement (published, or its attempt and error recorded).
     */
    private Uni<Integer> relayBatch() {
        return pool.withTransaction(conn -> conn.preparedQuery("select pg_try_advisory_xact_lock($1)")
                .execute(Tuple.of(RELAY_LOCK))
                .chain(locked -> !locked.iterator().next().getBoolean(0) ? Uni.createFrom().item(0) : conn.preparedQuery("""
                                select seq, event_id, topic, record_key, event_type, payload, occurred_at
                                from outbox_event where published_at is null order by seq limit $1""")
                        .execute(Tuple.of(config.batchSize()))
                        .map(OutboxRelay::events)
                        .chain(pending -> publishInOrder(conn, pending))));
    }

    private static List<OutboxEvent> events(RowSet<Row> rows) {
        List<OutboxEvent> events = new ArrayList<>(rows.size());
        for (Row row : rows) {
            OutboxEvent event = new OutboxEvent();
            event.seq = row.getLong("seq");
            event.eventId = row.getUUID("event_id");
            event.topic = row.getString("topic");
            event.recordKey = row.getString("record_key");
            event.eventType = row.getString("event_type");
            event.payload = row.getString("payload");
            event.occurredAt = row.getOffsetDateTime("occurred_at").toInstant();
            events.add(event);
        }
        return events;
    }

    private Uni<Integer> publishInOrder(SqlConnection conn, List<OutboxEvent> pending) {
        if (pending.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return publisher.sendAll(pending).chain(errors -> {
            Long[] seqs = new Long[pending.size()];
            String[] lastErrors = new String[pending.size()];
            int published = 0;
            for (int i = 0; i < pending.size(); i++) {
                seqs[i] = pending.get(i).seq;
                Throwable error = errors.get(i);
                if (error == null) {
                    published++;
                } else {
                    lastErrors[i] = String.valueOf(error.getMessage());
                }
            }
            if (published < pending.size()) {
                LOG.warnf("outbox: %d of %d events not published yet (%s); will retry",
                        pending.size() - published, pending.size(), lastErrors[lastErrors.length - 1]);
            }
            int done = published;
            return conn.preparedQuery("""
                            update outbox_event e
                            set attempts = e.attempts + 1,
                                published_at = case when v.error is null then $2 else e.published_at end,
                                last_error = v.error
                            from unnest($1::bigint[], $3::text[]) v (seq, error)
                            where e.seq = v.seq""")
                    .execute(Tuple.of(seqs, OffsetDateTime.now(ZoneOffset.UTC), lastErrors))
                    .map(ignored -> done);
        });
    }
}
