package org.openpetition.platform.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
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

    public OutboxRelay(OutboxPublisher publisher, OutboxConfig config, Vertx vertx) {
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

    @Scheduled(every = "${petition.outbox.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        return config.relayEnabled() ? job.runOnce() : Uni.createFrom().voidItem();
    }

    private Uni<Integer> relayBatch() {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("select pg_try_advisory_xact_lock(" + RELAY_LOCK + ")", Boolean.class)
                .getSingleResult()
                .chain(locked -> !locked ? Uni.createFrom().item(0) : session
                        .createNativeQuery("select * from outbox_event where published_at is null order by seq limit "
                                + config.batchSize(), OutboxEvent.class)
                        .getResultList()
                        .chain(this::publishInOrder))));
    }

    private Uni<Integer> publishInOrder(List<OutboxEvent> pending) {
        if (pending.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return publisher.sendAll(pending).map(errors -> {
            int published = 0;
            Instant now = Instant.now();
            for (int i = 0; i < pending.size(); i++) {
                OutboxEvent event = pending.get(i);
                event.attempts++;
                Throwable error = errors.get(i);
                if (error == null) {
                    event.publishedAt = now;
                    event.lastError = null;
                    published++;
                } else {
                    event.lastError = String.valueOf(error.getMessage());
                }
            }
            if (published < pending.size()) {
                LOG.warnf("outbox: %d of %d events not published yet (%s); will retry",
                        pending.size() - published, pending.size(), pending.get(pending.size() - 1).lastError);
            }
            return published;
        });
    }
}
