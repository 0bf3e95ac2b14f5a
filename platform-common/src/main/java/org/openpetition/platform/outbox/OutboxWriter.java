package org.openpetition.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Appends an event to the outbox. Call it inside the transaction that makes the state change,
 * so that both are committed or neither is.
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
