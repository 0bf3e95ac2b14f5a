package org.openpetition.notification.service;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;
import org.openpetition.notification.config.NotifyConfig;
import org.openpetition.notification.repository.PendingNoticeStore;

/**
 * Events wait for recipients that arrive on another topic; one whose recipients never came (an
 * assignment or a contact lost upstream) is dropped after {@code petition.notify.pending-max-age}, with a
 * warning for operators, so that the table does not grow without end.
 */
@ApplicationScoped
public class PendingNotices {

    private static final Logger LOG = Logger.getLogger(PendingNotices.class);

    private final Pool pool;
    private final PendingNoticeStore store;
    private final NotifyConfig config;

    public PendingNotices(Pool pool, PendingNoticeStore store, NotifyConfig config) {
        this.pool = pool;
        this.store = store;
        this.config = config;
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> dropStale() {
        return pool.withTransaction(conn -> store.dropStalePending(conn, Instant.now().minus(config.pendingMaxAge())))
                .invoke(dropped -> {
                    if (dropped > 0) {
                        LOG.warnf("%d event(s) dropped after waiting %s for recipients that never arrived", dropped,
                                config.pendingMaxAge());
                    }
                })
                .replaceWithVoid();
    }
}
