package org.openpetition.platform.outbox;

import static org.openpetition.contracts.CloudEvent.*;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Sends one outbox row to Kafka as a CloudEvent in binary content mode and completes when the
 * broker acknowledged it. The "outbox" channel is configured per service (acks=all, idempotent).
 */
@ApplicationScoped
public class OutboxPublisher {

    private final MutinyEmitter<String> emitter;
    private final OutboxConfig config;

    public OutboxPublisher(@Channel("outbox") MutinyEmitter<String> emitter, OutboxConfig config) {
        this.emitter = emitter;
        this.config = config;
    }

    public Uni<Void> publish(OutboxEvent event) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, HEADER_SPEC_VERSION, SPEC_VERSION);
        add(headers, HEADER_ID, event.eventId.toString());
        add(headers, HEADER_SOURCE, config.source());
        add(headers, HEADER_TYPE, event.eventType);
        add(headers, HEADER_TIME, DateTimeFormatter.ISO_INSTANT.format(event.occurredAt.truncatedTo(ChronoUnit.MILLIS)));
        add(headers, HEADER_SUBJECT, event.recordKey);
        add(headers, HEADER_DATA_SCHEMA, dataSchema(event.eventType));
        add(headers, HEADER_CONTENT_TYPE, DATA_CONTENT_TYPE);
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(event.topic)
                .withKey(event.recordKey)
                .withHeaders(headers)
                .build();
        return emitter.sendMessage(Message.of(event.payload).addMetadata(metadata));
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
