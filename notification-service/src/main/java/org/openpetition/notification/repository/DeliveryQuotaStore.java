package org.openpetition.notification.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * The daily counts of messages per recipient address (table delivery_quota, keyed by a hash of channel and
 * address with the service's secret key from delivery_limit_key). One statement per batch counts the
 * batch's messages per channel and address and returns the ones beyond the limit, in the order they were
 * created; shared by every replica.
 */
@ApplicationScoped
public class DeliveryQuotaStore {

    /** The daily limits: a petitioner's (recipient keys petitioner:* and user:*) and staff's, per channel. */
    public record DailyLimits(int petitionerSms, int petitionerEmails, int staffSms, int staffEmails) {
    }

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

    public DeliveryQuotaStore(Pool pool) {
        this.pool = pool;
    }

    /** Counts these messages on {@code day}; returns the ids of those beyond their recipient's daily limit. */
    public Uni<Set<UUID>> countAndFindBeyond(UUID[] ids, DailyLimits limits, LocalDate day) {
        return pool.preparedQuery(COUNT)
                .execute(Tuple.tuple().addValue(ids).addValue(limits.petitionerSms()).addValue(limits.petitionerEmails())
                        .addValue(limits.staffSms()).addValue(limits.staffEmails()).addValue(day))
                .map(rows -> {
                    Set<UUID> beyond = new HashSet<>();
                    for (Row row : rows) {
                        beyond.add(row.getUUID("id"));
                    }
                    return beyond;
                });
    }

    /** Deletes the counts of days before {@code day}; returns how many. */
    public Uni<Integer> deleteBefore(LocalDate day) {
        return pool.preparedQuery("delete from delivery_quota where day < $1").execute(Tuple.of(day)).map(rows -> rows.rowCount());
    }
}
