package org.openpetition.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
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
