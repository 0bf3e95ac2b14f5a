package org.openpetition.notification.repository;

import static org.openpetition.platform.sql.Columns.of;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.openpetition.notification.service.NewMessage;

/**
 * The messages of a batch (tables notification and inbox_message) in one statement: a message already
 * stored for the same event, kind, recipient and channel is skipped; an inbox message is delivered as it
 * is stored and announced to every replica's live inbox streams.
 */
@ApplicationScoped
public class MessageStore {

    /** A message stored for an inbox: who to tell that it arrived. */
    public record InboxArrival(UUID id, String owner) {
    }

    /**
     * Stores the messages (a message already stored for the same event, kind, recipient and channel is
     * skipped) and delivers those for inboxes; returns the inbox arrivals.
     */
    public Uni<List<InboxArrival>> insertMessages(SqlConnection conn, List<NewMessage> messages) {
        if (messages.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        int n = messages.size();
        return conn.preparedQuery("""
                        with v (id, event_id, case_id, kind, channel, recipient_key, recipient, subject, body, language,
                                urgent, send_at, event_time) as (
                            select * from unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[], $5::text[], $6::text[],
                                                 $7::text[], $8::text[], $9::text[], $10::text[], $11::boolean[],
                                                 $12::timestamptz[], $13::timestamptz[])),
                        ins as (
                            insert into notification (id, event_id, case_id, kind, channel, recipient_key, recipient, subject,
                                body, language, urgent, status, attempts, created_at, next_attempt_at, sent_at, event_time)
                            select id, event_id, case_id, kind, channel, recipient_key, recipient, subject, body, language,
                                   urgent, case when channel = 'INBOX' then 'SENT' else 'QUEUED' end,
                                   case when channel = 'INBOX' then 1 else 0 end, now(), send_at,
                                   case when channel = 'INBOX' then now() end, event_time
                            from v
                            on conflict (event_id, kind, recipient, channel) do nothing
                            returning id, channel)
                        insert into inbox_message (id, notification_id, owner, case_id, kind, subject, body, created_at)
                        select v.id, v.id, v.recipient, v.case_id, v.kind, v.subject, v.body, now()
                        from v join ins on ins.id = v.id where ins.channel = 'INBOX'
                        returning id, owner""")
                .execute(Tuple.tuple()
                        .addValue(of(messages, NewMessage::id, new UUID[n]))
                        .addValue(of(messages, NewMessage::eventId, new String[n]))
                        .addValue(of(messages, NewMessage::caseId, new UUID[n]))
                        .addValue(of(messages, m -> m.kind().name(), new String[n]))
                        .addValue(of(messages, m -> m.channel().name(), new String[n]))
                        .addValue(of(messages, NewMessage::recipientKey, new String[n]))
                        .addValue(of(messages, NewMessage::address, new String[n]))
                        .addValue(of(messages, NewMessage::subject, new String[n]))
                        .addValue(of(messages, NewMessage::body, new String[n]))
                        .addValue(of(messages, NewMessage::language, new String[n]))
                        .addValue(of(messages, NewMessage::urgent, new Boolean[n]))
                        .addValue(of(messages, m -> SqlTimes.utc(m.sendAt()), new OffsetDateTime[n]))
                        .addValue(of(messages, m -> SqlTimes.utc(m.eventTime()), new OffsetDateTime[n])))
                .map(rows -> {
                    List<InboxArrival> arrivals = new ArrayList<>();
                    rows.forEach(r -> arrivals.add(new InboxArrival(r.getUUID("id"), r.getString("owner"))));
                    return arrivals;
                });
    }

    /** Tells every replica's live inbox streams (PostgreSQL NOTIFY, sent when the transaction commits). */
    public Uni<Void> announce(SqlConnection conn, List<InboxArrival> arrivals) {
        if (arrivals.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return conn.preparedQuery("select count(pg_notify('" + InboxChannel.NAME + "', a)) from unnest($1::text[]) a")
                .execute(Tuple.of(arrivals.stream().map(a -> a.id() + " " + a.owner()).toArray(String[]::new)))
                .replaceWithVoid();
    }
}
