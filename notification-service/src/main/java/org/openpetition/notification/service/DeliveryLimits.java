package org.openpetition.notification.service;

import org.openpetition.contracts.rules.BeijingTime;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.openpetition.notification.Channel;
import org.openpetition.notification.config.DeliveryLimitConfig;
import org.openpetition.notification.repository.DeliveryQuotaStore;
import org.openpetition.notification.repository.DeliveryQuotaStore.DailyLimits;
import org.openpetition.notification.repository.DeliveryStore.Claimed;

/**
 * The daily limits per recipient (petition.delivery-limits.*), applied in one place: to each batch the
 * delivery claimed, before anything is sent. A message counts once, at its first attempt (a retry was
 * counted already), in the day it is first sent (Beijing time); inbox messages are never claimed
 * and never limited. The counting is {@link DeliveryQuotaStore}'s, shared by every replica.
 */
@ApplicationScoped
public class DeliveryLimits {

    private static final Logger LOG = Logger.getLogger(DeliveryLimits.class);

    private final DeliveryQuotaStore quotas;
    private final DeliveryLimitConfig config;

    public DeliveryLimits(DeliveryQuotaStore quotas, DeliveryLimitConfig config) {
        this.quotas = quotas;
        this.config = config;
    }

    /** Counts the batch's first attempts; returns the ids of the messages beyond their recipient's daily limit. */
    public Uni<Set<UUID>> beyondLimit(List<Claimed> claimed) {
        if (!config.enabled()) {
            return Uni.createFrom().item(Set.of());
        }
        UUID[] ids = claimed.stream().filter(m -> m.attempts() == 0 && m.channel() != Channel.INBOX)
                .map(Claimed::id).toArray(UUID[]::new);
        if (ids.length == 0) {
            return Uni.createFrom().item(Set.of());
        }
        return quotas.countAndFindBeyond(ids, new DailyLimits(config.petitionerSmsPerDay(), config.petitionerEmailsPerDay(),
                config.staffSmsPerDay(), config.staffEmailsPerDay()), today());
    }

    /** Why a message was not sent, for the delivery log (no address). */
    public String reason(Claimed m) {
        boolean sms = m.channel() == Channel.SMS;
        return "not sent: the recipient reached the daily limit of " + (sms ? "texts" : "emails")
                + " (petition.delivery-limits)";
    }

    private LocalDate today() {
        return LocalDate.now(BeijingTime.ZONE);
    }

    /** Deletes the counts of days before yesterday, on every replica (a row deleted twice is deleted once). */
    @Scheduled(every = "${petition.delivery-limits.housekeeping-interval:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> housekeeping() {
        return quotas.deleteBefore(today().minusDays(1))
                .invoke(deleted -> {
                    if (deleted > 0) {
                        LOG.infof("housekeeping deleted %d daily delivery counts", deleted);
                    }
                })
                .onFailure().invoke(e -> LOG.warnf("delivery limit housekeeping failed, trying again at the next run: %s", e.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
