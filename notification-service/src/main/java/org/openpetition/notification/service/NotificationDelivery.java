package org.openpetition.notification.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;
import org.openpetition.notification.Notification;
import org.openpetition.notification.Notification.Status;
import org.openpetition.notification.repository.NotificationRepository;
import org.openpetition.platform.jobs.CoalescingJob;

/**
 * Sends queued messages: right after they are queued and on a schedule for retries. Rows are locked
 * while they are sent (FOR UPDATE SKIP LOCKED), so several replicas never send the same message.
 * A failure is retried with exponential back-off and marked FAILED after the last attempt.
 * Logs name the message and the case, never the recipient or the content.
 */
@ApplicationScoped
public class NotificationDelivery {

    private static final Logger LOG = Logger.getLogger(NotificationDelivery.class);

    private final NotificationRepository notifications;
    private final ReactiveMailer mailer;
    private final DeliveryConfig config;
    private final CoalescingJob job;

    public NotificationDelivery(NotificationRepository notifications, ReactiveMailer mailer, DeliveryConfig config,
                                Vertx vertx) {
        this.notifications = notifications;
        this.mailer = mailer;
        this.config = config;
        this.job = new CoalescingJob("notification delivery", vertx, this::deliverDue);
    }

    public void trigger() {
        job.trigger();
    }

    @Scheduled(every = "${petition.delivery.poll-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        return job.runOnce();
    }

    private Uni<Void> deliverDue() {
        return Panache.withTransaction(() -> notifications.lockDue(config.batchSize())
                .chain(due -> Multi.createFrom().iterable(due)
                        .onItem().transformToUniAndConcatenate(this::send)
                        .collect().last()))
                .replaceWithVoid();
    }

    private Uni<Void> send(Notification n) {
        return mailer.send(Mail.withText(n.recipient, n.subject, n.body))
                .onItem().invoke(() -> {
                    n.attempts++;
                    n.status = Status.SENT;
                    n.sentAt = Instant.now();
                    n.lastError = null;
                    LOG.infof("notification %s (%s, case %s) sent", n.id, n.kind, n.caseId);
                })
                .onFailure().recoverWithItem(error -> {
                    n.attempts++;
                    n.lastError = String.valueOf(error.getMessage());
                    if (n.attempts >= config.maxAttempts()) {
                        n.status = Status.FAILED;
                        LOG.errorf("notification %s (case %s) failed after %d attempts: %s", n.id, n.caseId, n.attempts,
                                error.getClass().getSimpleName());
                    } else {
                        n.nextAttemptAt = Instant.now().plus(backoff(n.attempts));
                        LOG.warnf("notification %s (case %s) attempt %d failed (%s); retry at %s", n.id, n.caseId,
                                n.attempts, error.getClass().getSimpleName(), n.nextAttemptAt);
                    }
                    return null;
                })
                .replaceWithVoid();
    }

    Duration backoff(int attempts) {
        Duration wait = config.firstBackoff().multipliedBy(1L << Math.min(attempts - 1, 20));
        return wait.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : wait;
    }
}
