package org.openpetition.notification.repository;

import static org.openpetition.platform.sql.Columns.of;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.openpetition.notification.Channel;
import org.openpetition.notification.Notification.Status;
import org.openpetition.platform.outbox.OutboxEvent;
import org.openpetition.platform.outbox.OutboxWriter;

/**
 * The delivery's storage. A message is claimed (SENDING, committed) before it is sent and completed
 * after, so that a crash in between leaves it SENDING: it is then marked UNCERTAIN and dead-lettered,
 * never resent by itself. Each step is one statement for the whole batch.
 */
@ApplicationScoped
public class DeliveryStore {

    /** A message claimed for sending. */
    public record Claimed(UUID id, String eventId, UUID caseId, String kind, Channel channel, String recipient,
                          String subject, String body, int attempts, Instant eventTime) {
    }

    /** How one attempt ended: the message's new status, and the dead letter if it was given up. */
    public record Result(UUID id, Status status, int attempts, Instant at, String error, Instant nextAttemptAt,
                         OutboxEvent deadLetter) {
    }

    private final Pool pool;
    private final OutboxWriter outbox;

    public DeliveryStore(Pool pool, OutboxWriter outbox) {
        this.pool = pool;
        this.outbox = outbox;
    }

    /** Claims up to {@code limit} due messages that no other replica holds. */
    public Uni<List<Claimed>> claim(int limit) {
        return pool.withTransaction(conn -> conn.preparedQuery("""
                        update notification n set status = 'SENDING', claimed_at = now()
                        from (select id from notification where status = 'QUEUED' and next_attempt_at <= now()
                              order by next_attempt_at limit $1 for update skip locked) due
                        where n.id = due.id
                        returning n.id, n.event_id, n.case_id, n.kind, n.channel, n.recipient, n.subject, n.body, n.attempts,
                                  n.event_time""")
                .execute(Tuple.of(limit))
                .map(DeliveryStore::claimed));
    }

    private static List<Claimed> claimed(io.vertx.mutiny.sqlclient.RowSet<Row> rows) {
        List<Claimed> claimed = new ArrayList<>();
        for (Row r : rows) {
            claimed.add(new Claimed(r.getUUID("id"), r.getString("event_id"), r.getUUID("case_id"), r.getString("kind"),
                    Channel.valueOf(r.getString("channel")), r.getString("recipient"), r.getString("subject"),
                    r.getString("body"), r.getInteger("attempts"),
                    r.getOffsetDateTime("event_time") == null ? null : r.getOffsetDateTime("event_time").toInstant()));
        }
        return claimed;
    }

    /** Records the attempts' outcomes, their log entries and the dead letters of those given up. */
    public Uni<Void> complete(List<Result> results) {
        if (results.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = results.size();
        Tuple values = Tuple.tuple()
                .addValue(of(results, Result::id, new UUID[n]))
                .addValue(of(results, r -> r.status().name(), new String[n]))
                .addValue(of(results, Result::attempts, new Integer[n]))
                .addValue(of(results, r -> SqlTimes.utc(r.at()), new OffsetDateTime[n]))
                .addValue(of(results, Result::error, new String[n]))
                .addValue(of(results, r -> SqlTimes.utc(r.nextAttemptAt()), new OffsetDateTime[n]));
        List<Result> dead = results.stream().filter(r -> r.deadLetter() != null).toList();
        return pool.withTransaction(conn -> conn.preparedQuery("""
                        with v (id, status, attempts, at, error, next_at) as (
                            select * from unnest($1::uuid[], $2::text[], $3::int[], $4::timestamptz[], $5::text[],
                                                 $6::timestamptz[])),
                        upd as (
                            update notification n set status = v.status, attempts = v.attempts, last_error = v.error,
                                   next_attempt_at = coalesce(v.next_at, n.next_attempt_at), claimed_at = null,
                                   sent_at = case when v.status = 'SENT' then v.at else n.sent_at end
                            from v where n.id = v.id
                            returning n.id)
                        insert into delivery_attempt (notification_id, attempt, at, outcome, error)
                        select v.id, v.attempts, v.at, case when v.status in ('SENT', 'LIMITED') then v.status else 'FAILED' end, v.error
                        from v join upd on upd.id = v.id""")
                .execute(values)
                .chain(() -> deadLetters(conn, dead)));
    }

    /**
     * Messages claimed longer ago than the lease by a replica that never completed them (it crashed):
     * marked UNCERTAIN, not resent. Returns them, so that they are dead-lettered.
     */
    public Uni<List<Claimed>> expireClaims(Duration lease) {
        return pool.withTransaction(conn -> conn.preparedQuery("""
                        update notification set status = 'UNCERTAIN', claimed_at = null,
                               last_error = 'interrupted while sending (the service stopped); not resent, so that it is never sent twice'
                        where status = 'SENDING' and claimed_at < now() - make_interval(secs => $1)
                        returning id, event_id, case_id, kind, channel, recipient, subject, body, attempts, event_time""")
                .execute(Tuple.of((double) lease.toMillis() / 1000))
                .map(DeliveryStore::claimed));
    }

    /** Stores dead letters in the outbox (OutboxWriter; published by the relay). */
    public Uni<Void> deadLetters(List<OutboxEvent> letters) {
        return letters.isEmpty() ? Uni.createFrom().voidItem()
                : pool.withTransaction(conn -> outbox.appendAll(conn, letters));
    }

    private Uni<Void> deadLetters(SqlConnection conn, List<Result> dead) {
        return dead.isEmpty() ? Uni.createFrom().voidItem() : outbox.appendAll(conn, dead.stream().map(Result::deadLetter).toList());
    }

    /** An operator's requeue of a FAILED or UNCERTAIN message: true if it was requeued. */
    public Uni<Boolean> requeue(UUID id) {
        return pool.withTransaction(conn -> conn.preparedQuery("""
                        update notification set status = 'QUEUED', next_attempt_at = now(), claimed_at = null
                        where id = $1 and status in ('FAILED', 'UNCERTAIN')""")
                .execute(Tuple.of(id)).map(rows -> rows.rowCount() == 1));
    }
}
