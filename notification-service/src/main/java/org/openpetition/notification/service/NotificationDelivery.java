package org.openpetition.notification.service;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.openpetition.contracts.CloudEvent;
import org.openpetition.contracts.Topics;
import org.openpetition.contracts.event.NotificationFailedV1;
import org.openpetition.notification.Channel;
import org.openpetition.notification.Notification.Status;
import org.openpetition.notification.config.DeliveryConfig;
import org.openpetition.notification.repository.DeliveryStore;
import org.openpetition.notification.repository.DeliveryStore.Claimed;
import org.openpetition.notification.repository.DeliveryStore.Result;
import org.openpetition.platform.jobs.CoalescingJob;
import org.openpetition.platform.outbox.OutboxEvent;
import org.openpetition.platform.outbox.OutboxRelay;
import org.openpetition.platform.outbox.OutboxWriter;

/**
 * Sends queued email and SMS: right after messages are stored, and on a schedule for retries and for
 * messages held back by quiet hours. Messages are claimed before sending (several replicas never send
 * the same one), sent several at a time, and completed together. A failure is retried with exponential
 * back-off; a permanent failure or the last attempt marks the message FAILED and dead-letters it on
 * notification.delivery.dlq with the reason. A message beyond its recipient's daily limit
 * (DeliveryLimits) is not sent and ends LIMITED. Logs name the message and case, never the address or
 * the content.
 */
@ApplicationScoped
public class NotificationDelivery {

    private static final Logger LOG = Logger.getLogger(NotificationDelivery.class);

    private final DeliveryStore store;
    private final EmailSender email;
    private final SmsSender sms;
    private final DeliveryConfig config;
    private final OutboxWriter outbox;
    private final OutboxRelay relay;
    private final CoalescingJob job;
    private final DeliveryMetrics metrics;
    private final DeliveryLimits limits;

    public NotificationDelivery(DeliveryStore store, EmailSender email, SmsSender sms, DeliveryConfig config,
                                OutboxWriter outbox, OutboxRelay relay, Vertx vertx, DeliveryMetrics metrics,
                                DeliveryLimits limits) {
        this.limits = limits;
        this.store = store;
        this.email = email;
        this.sms = sms;
        this.config = config;
        this.outbox = outbox;
        this.relay = relay;
        this.metrics = metrics;
        this.job = new CoalescingJob("notification delivery", vertx, this::deliverDue);
    }

    public void trigger() {
        job.trigger();
    }

    /**
     * An operator's requeue of a FAILED or UNCERTAIN message (an UNCERTAIN one may then go out twice);
     * false if the message is in no such state.
     */
    public Uni<Boolean> requeue(UUID id) {
        return store.requeue(id).invoke(requeued -> {
            if (requeued) {
                trigger();
            }
        });
    }

    @Scheduled(every = "${petition.delivery.poll-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> poll() {
        return job.runOnce();
    }

    /** Messages a crash left SENDING: UNCERTAIN and dead-lettered, not resent. */
    @Scheduled(every = "${petition.delivery.expire-interval:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> expireInterruptedSends() {
        return store.expireClaims(config.sendingLease())
                .chain(expired -> {
                    expired.forEach(metrics::interrupted);
                    expired.forEach(m -> LOG.warnf("notification %s (case %s) was interrupted while sending; marked UNCERTAIN, "
                            + "not resent", m.id(), m.caseId()));
                    return store.deadLetters(expired.stream().map(m -> deadLetter(m, m.attempts(),
                            "interrupted while sending (the service stopped); not resent, so that it is never sent twice")).toList());
                })
                .invoke(relay::trigger);
    }

    private Uni<Void> deliverDue() {
        return store.claim(config.batchSize()).chain(claimed -> {
            if (claimed.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return limits.beyondLimit(claimed).chain(beyond -> Multi.createFrom().iterable(claimed)
                            .onItem().transformToUni(m -> beyond.contains(m.id()) ? Uni.createFrom().item(limited(m)) : attempt(m))
                            .merge(config.concurrency())
                            .collect().asList())
                    .chain(results -> complete(claimed, results))
                    .invoke(() -> {
                        if (claimed.size() == config.batchSize()) {
                            job.trigger(); // more may be due
                        }
                    });
        });
    }

    private Uni<Void> complete(List<Claimed> claimed, List<Result> results) {
        boolean dead = results.stream().anyMatch(r -> r.deadLetter() != null);
        return store.complete(results).invoke(() -> {
            Map<UUID, Claimed> byId = new HashMap<>();
            claimed.forEach(m -> byId.put(m.id(), m));
            results.forEach(r -> metrics.attempted(byId.get(r.id()), r));
            if (dead) {
                relay.trigger();
            }
        });
    }

    private Uni<Result> attempt(Claimed m) {
        ChannelSender sender = m.channel() == Channel.SMS ? sms : email;
        int attempts = m.attempts() + 1;
        return Uni.createFrom().deferred(() -> sender.send(m))
                .map(ignored -> {
                    LOG.debugf("notification %s (%s, case %s) sent", m.id(), m.kind(), m.caseId());
                    return new Result(m.id(), Status.SENT, attempts, Instant.now(), null, null, null);
                })
                .onFailure().recoverWithItem(error -> failed(m, attempts, error));
    }

    /** Not sent: the recipient reached the channel's daily limit (DeliveryLimits). Logged, counted, not dead-lettered. */
    private Result limited(Claimed m) {
        LOG.infof("notification %s (%s, case %s) not sent: the recipient reached the daily %s limit", m.id(), m.kind(),
                m.caseId(), m.channel());
        return new Result(m.id(), Status.LIMITED, m.attempts() + 1, Instant.now(), limits.reason(m), null, null);
    }

    private Result failed(Claimed m, int attempts, Throwable error) {
        String reason = error.getClass().getSimpleName() + ": " + error.getMessage();
        boolean permanent = error instanceof ChannelSender.PermanentFailure;
        if (permanent || attempts >= config.maxAttempts()) {
            LOG.errorf("notification %s (case %s) failed after %d attempt(s): %s", m.id(), m.caseId(), attempts,
                    error.getClass().getSimpleName());
            String why = (permanent ? "refused: " : "gave up after " + attempts + " attempts: ") + reason;
            return new Result(m.id(), Status.FAILED, attempts, Instant.now(), reason, null, deadLetter(m, attempts, why));
        }
        Instant next = Instant.now().plus(backoff(attempts));
        LOG.warnf("notification %s (case %s) attempt %d failed (%s); retry at %s", m.id(), m.caseId(), attempts,
                error.getClass().getSimpleName(), next);
        return new Result(m.id(), Status.QUEUED, attempts, Instant.now(), reason, next, null);
    }

    private OutboxEvent deadLetter(Claimed m, int attempts, String reason) {
        NotificationFailedV1 failed = new NotificationFailedV1(m.id(), m.eventId(), m.caseId(), m.kind(), m.channel().name(),
                Masking.address(m.recipient()), attempts, reason, Instant.now());
        return outbox.prepare(Topics.NOTIFICATION_DELIVERY_DLQ, CloudEvent.TYPE_NOTIFICATION_FAILED_V1,
                m.caseId() != null ? m.caseId() : m.id(), failed);
    }

    Duration backoff(int attempts) {
        Duration wait = config.firstBackoff().multipliedBy(1L << Math.min(attempts - 1, 20));
        return wait.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : wait;
    }
}
