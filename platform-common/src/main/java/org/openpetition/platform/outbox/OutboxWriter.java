package org.openpetition.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Appends events to the outbox: the only writer of {@code outbox_event}. Call it inside the transaction
 * that makes the state change, so that both are committed or neither is: {@link #append} and
 * {@link #appendAll(List)} in a Panache session, {@link #appendAll(SqlConnection, List)} on a reactive SQL
 * client connection, or {@link #insertStatement} with {@link #bind} where the rows go into a larger
 * statement of the caller's.
 */
@ApplicationScoped
public class OutboxWriter {

    private final ObjectMapper json;

    public OutboxWriter(ObjectMapper json) {
        this.json = json;
    }

    public Uni<OutboxEvent> append(String topic, String eventType, UUID caseId, Object data) {
        OutboxEvent event;
        try {
            event = prepare(topic, eventType, caseId, data);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(e);
        }
        return event.persist();
    }

    /**
     * Stores prepared events ({@link #prepare}) in one statement, in this order of publication. Call it
     * inside the transaction that makes the state change (a Panache session), like {@link #append}.
     */
    public Uni<Void> appendAll(List<OutboxEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        StringBuilder sql = new StringBuilder(
                "insert into outbox_event (event_id, topic, record_key, event_type, payload, occurred_at) values ");
        for (int i = 0; i < events.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(:e").append(i).append(", :t").append(i).append(", :k").append(i)
                    .append(", :y").append(i).append(", :p").append(i).append(", :o").append(i).append(')');
        }
        return Panache.getSession().chain(session -> {
            var insert = session.createNativeQuery(sql.toString());
            for (int i = 0; i < events.size(); i++) {
                OutboxEvent event = events.get(i);
                insert.setParameter("e" + i, event.eventId).setParameter("t" + i, event.topic)
                        .setParameter("k" + i, event.recordKey).setParameter("y" + i, event.eventType)
                        .setParameter("p" + i, event.payload).setParameter("o" + i, event.occurredAt);
            }
            return insert.executeUpdate();
        }).replaceWithVoid();
    }

    /**
     * Stores prepared events ({@link #prepare}) in one statement, in this order of publication, on a
     * connection of the reactive SQL client inside the caller's transaction.
     */
    public Uni<Void> appendAll(SqlConnection conn, List<OutboxEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return conn.preparedQuery(insertStatement(1)).execute(bind(Tuple.tuple(), events)).replaceWithVoid();
    }

    /**
     * The insert of prepared events, in their order of publication, from six array parameters numbered
     * {@code $first} to {@code $first + 5} that {@link #bind} adds: for a caller that writes its rows and
     * their events in one statement (a data-modifying {@code WITH}).
     */
    public static String insertStatement(int first) {
        return """
                insert into outbox_event (event_id, topic, record_key, event_type, payload, occurred_at)
                select v.event_id, v.topic, v.record_key, v.event_type, v.payload, v.occurred_at
                from unnest($%d::uuid[], $%d::text[], $%d::text[], $%d::text[], $%d::text[], $%d::timestamptz[])
                     with ordinality as v (event_id, topic, record_key, event_type, payload, occurred_at, n)
                order by v.n""".formatted(first, first + 1, first + 2, first + 3, first + 4, first + 5);
    }

    /** Adds the six arrays of {@link #insertStatement} for {@code events} to {@code tuple}; returns it. */
    public static Tuple bind(Tuple tuple, List<OutboxEvent> events) {
        return tuple.addValue(column(events, e -> e.eventId, UUID[]::new))
                .addValue(column(events, e -> e.topic, String[]::new))
                .addValue(column(events, e -> e.recordKey, String[]::new))
                .addValue(column(events, e -> e.eventType, String[]::new))
                .addValue(column(events, e -> e.payload, String[]::new))
                .addValue(column(events, e -> e.occurredAt.atOffset(ZoneOffset.UTC), OffsetDateTime[]::new));
    }

    private static <T> T[] column(List<OutboxEvent> events, Function<OutboxEvent, T> field, IntFunction<T[]> array) {
        T[] values = array.apply(events.size());
        for (int i = 0; i < values.length; i++) {
            values[i] = field.apply(events.get(i));
        }
        return values;
    }

    /**
     * The outbox row of an event, not yet stored: for a writer that stores many rows in one statement
     * (in the transaction of the state change, like {@link #append}).
     */
    public OutboxEvent prepare(String topic, String eventType, UUID caseId, Object data) {
        OutboxEvent event = new OutboxEvent();
        event.eventId = UUID.randomUUID();
        event.topic = topic;
        event.recordKey = caseId.toString();
        event.eventType = eventType;
        event.occurredAt = Instant.now();
        try {
            event.payload = json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data cannot be serialised", e);
        }
        return event;
    }
}
