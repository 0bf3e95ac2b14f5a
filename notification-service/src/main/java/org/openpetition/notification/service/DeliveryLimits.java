package org.openpetition.notification.service;

import org.openpetition.contracts.rules.BeijingTime;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.openpetition.notification.Channel;
import org.openpetition.notification.config.DeliveryLimitConfig;
import org.openpetition.notification.config.NotifyConfig;
import org.openpetition.notification.repository.DeliveryStore.Claimed;

/**
 * The daily limits per recipient (petition.delivery-limits.*), applied in one place: to each batch the
 * delivery claimed, before anything is sent. A message counts once, at its first attempt (a retry was
 * counted already), in the day it is first sent (Beijing time); inbox messages are never claimed
 * and never limited. One statement per batch counts the batch's messages per channel and address
 * (shared by every replica: the service's database, keyed by a hash of the address) and returns the ones
 * beyond the limit, in the order they were created.
 */
@ApplicationScoped
public class DeliveryLimits {

    private static final Logger LOG = Logger.getLogger(DeliveryLimits.class);

    private static final String COUNT = """
            with k as (select key from delivery_limit_key limit 1),
            m as (
                select n.id,
                       encode(sha256(convert_to((select key from k) || ':' || n.channel || ':' || n.recipient, 'UTF8')), 'hex') as h,
                       case when n.recipient_key like 'petitioner:%' or n.recipient_key like 'user:%'
                            then case n.channel when 'SMS' then $2::int else $3::int end
                            else case n.channel when 'SMS' then $4::int else $5::int end end as lim,
                       row_number() over (partition by n.channel, n.recipient order by n.created_at, n.id) as i,
                       count(*) over (partition by n.channel, n.recipient) as cnt
                from notification n where n.id = any($1::uuid[])),
            g as (
                insert into delivery_quota as q (recipient_hash, day, used)
                select h, $6::date, max(cnt) from m where lim > 0 group by h
                on conflict (recipient_hash, day) do update set used = q.used + excluded.used
                returning recipient_hash, used)
            select m.id from m join g on g.recipient_hash = m.h where g.used - m.cnt + m.i > m.lim""";

    private final Pool pool;
    private final DeliveryLimitConfig config;
    private final NotifyConfig notify;

    public DeliveryLimits(Pool pool, DeliveryLimitConfig config, NotifyConfig notify) {
        this.pool = pool;
        this.config = config;
        this.notify = notify;
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
        return pool.preparedQuery(COUNT)
                .execute(Tuple.tuple().addValue(ids).addValue(config.petitionerSmsPerDay()).addValue(config.petitionerEmailsPerDay())
                        .addValue(config.staffSmsPerDay()).addValue(config.staffEmailsPerDay()).addValue(today()))
                .map(rows -> {
                    Set<UUID> beyond = new HashSet<>();
                    for (Row row : rows) {
                        beyond.add(row.getUUID("id"));
                    }
                    return beyond;
                });
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
        return pool.preparedQuery("delete from delivery_quota where day < $1").execute(Tuple.of(today().minusDays(1)))
                .invoke(rows -> {
                    if (rows.rowCount() > 0) {
                        LOG.infof("housekeeping deleted %d daily delivery counts", rows.rowCount());
                    }
                })
                .onFailure().invoke(e -> LOG.warnf("delivery limit housekeeping failed, trying again at the next run: %s", e.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
