package org.openpetition.notification.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.openpetition.notification.service.NoticeProcessor;
import org.openpetition.notification.service.NotificationDelivery;
import org.openpetition.notification.service.ReceivedEvent;
import org.openpetition.platform.inbox.BatchWithFallback;
import org.openpetition.platform.inbox.IncomingEvent;

/**
 * Consumes every topic notification-service listens to, a poll's batch at a time
 * ({@link BatchWithFallback}): the batch is applied in one transaction; if that fails, each record on its
 * own, and a record that fails on its own is nacked to its channel's dead-letter topic
 * ({@code <topic>.notification-service.dlq}) with the reason, so one bad record neither blocks nor takes
 * the others with it.
 */
@ApplicationScoped
public class CaseEventsConsumer {

    private final NoticeProcessor processor;
    private final NotificationDelivery delivery;

    public CaseEventsConsumer(NoticeProcessor processor, NotificationDelivery delivery) {
        this.processor = processor;
        this.delivery = delivery;
    }

    @Incoming("petitioner-contact")
    public Uni<Void> contacts(KafkaRecordBatch<String, String> records) {
        return consume(records);
    }

    @Incoming("case-assigned")
    public Uni<Void> assigned(KafkaRecordBatch<String, String> records) {
        return consume(records);
    }

    @Incoming("case-diverted")
    public Uni<Void> diverted(KafkaRecordBatch<String, String> records) {
        return consume(records);
    }

    @Incoming("case-returned")
    public Uni<Void> returned(KafkaRecordBatch<String, String> records) {
        return consume(records);
    }

    @Incoming("case-lifecycle")
    public Uni<Void> lifecycle(KafkaRecordBatch<String, String> records) {
        return consume(records);
    }

    @Incoming("case-deadline")
    public Uni<Void> deadline(KafkaRecordBatch<String, String> records) {
        return consume(records);
    }

    @Incoming("supervision-circular")
    public Uni<Void> circular(KafkaRecordBatch<String, String> records) {
        return consume(records);
    }

    @Incoming("supervision-daily-report")
    public Uni<Void> dailyReport(KafkaRecordBatch<String, String> records) {
        return consume(records);
    }

    Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return BatchWithFallback.process(batch,
                        records -> processor.process(records.stream().map(CaseEventsConsumer::event).toList()),
                        record -> processor.process(List.of(event(record))))
                .invoke(delivery::trigger);
    }

    static ReceivedEvent event(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        UUID key;
        try {
            key = UUID.fromString(record.key());
        } catch (RuntimeException e) {
            throw new IncomingEvent.InvalidEventException("record key " + record.key() + " is not a case id");
        }
        return new ReceivedEvent(record.topic(), event.id(), event.type(), key, event.data(), Instant.ofEpochMilli(record.timestamp()));
    }
}
