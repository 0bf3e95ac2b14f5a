package org.openpetition.notification.repository;

import static org.openpetition.platform.sql.Columns.of;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.openpetition.notification.service.ReceivedEvent;

/**
 * The events that wait for their case's recipients (table pending_notice): stored when a notice has no
 * recipient yet, taken when an assignment or a contact of the case arrives, dropped when too old.
 */
@ApplicationScoped
public class PendingNoticeStore {

    /** Takes (and deletes) the events of these cases that were waiting for their recipients. */
    public Uni<List<ReceivedEvent>> takePending(SqlConnection conn, Collection<UUID> caseIds) {
        if (caseIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return conn.preparedQuery("delete from pending_notice where case_id = any($1) "
                        + "returning topic, event_id, event_type, case_id, payload, event_time")
                .execute(Tuple.of(caseIds.toArray(UUID[]::new)))
                .map(rows -> {
                    List<ReceivedEvent> events = new ArrayList<>();
                    for (Row r : rows) {
                        events.add(new ReceivedEvent(r.getString("topic"), r.getString("event_id"), r.getString("event_type"),
                                r.getUUID("case_id"), r.getString("payload"), r.getOffsetDateTime("event_time").toInstant()));
                    }
                    return events;
                });
    }

    public Uni<Void> savePending(SqlConnection conn, List<ReceivedEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return conn.preparedQuery("""
                        insert into pending_notice (event_id, case_id, topic, event_type, payload, event_time, created_at)
                        select * , now() from unnest($1::text[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::timestamptz[])
                        on conflict do nothing""")
                .execute(Tuple.tuple()
                        .addValue(of(events, ReceivedEvent::id, new String[events.size()]))
                        .addValue(of(events, ReceivedEvent::caseId, new UUID[events.size()]))
                        .addValue(of(events, ReceivedEvent::topic, new String[events.size()]))
                        .addValue(of(events, ReceivedEvent::type, new String[events.size()]))
                        .addValue(of(events, ReceivedEvent::data, new String[events.size()]))
                        .addValue(of(events, e -> SqlTimes.utc(e.time()), new OffsetDateTime[events.size()])))
                .replaceWithVoid();
    }

    /** Drops events that waited longer than allowed for recipients that never came; returns how many. */
    public Uni<Integer> dropStalePending(SqlConnection conn, Instant before) {
        return conn.preparedQuery("delete from pending_notice where created_at < $1")
                .execute(Tuple.of(SqlTimes.utc(before))).map(rows -> rows.rowCount());
    }
}
