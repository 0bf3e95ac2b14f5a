package org.openpetition.notification.messaging;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.openpetition.notification.service.NoticeProcessor;
import org.openpetition.notification.service.NotificationDelivery;
import org.openpetition.notification.service.ReceivedEvent;
import org.openpetition.platform.inbox.DeadLetterPublisher;
import org.openpetition.platform.inbox.IncomingEvent;

/**
 * Consumes every topic notification-service listens to, a poll's batch at a time: the batch is applied
 * in one transaction. If that fails, each record is applied on its own, and a record that fails on its
 * own goes to its dead-letter topic ({@code <topic>.notification-service.dlq}) with the reason, so one
 * bad record neither blocks nor takes the others with it. Offsets are committed after the batch.
 */
@ApplicationScoped
public class CaseEventsConsumer {

    private static final Logger LOG = Logger.getLogger(CaseEventsConsumer.class);

    private final NoticeProcessor processor;
    private final NotificationDelivery delivery;
    private final DeadLetterPublisher deadLetters;

    public CaseEventsConsumer(NoticeProcessor processor, NotificationDelivery delivery, DeadLetterPublisher deadLetters) {
        this.processor = processor;
        this.delivery = delivery;
        this.deadLetters = deadLetters;
    }

    @Incoming("petitioner-contact")
    public Uni<Void> contacts(ConsumerRecords<String, String> records) {
        return consume(records);
    }

    @Incoming("case-assigned")
    public Uni<Void> assigned(ConsumerRecords<String, String> records) {
        return consume(records);
    }

    @Incoming("case-diverted")
    public Uni<Void> diverted(ConsumerRecords<String, String> records) {
        return consume(records);
    }

    @Incoming("case-returned")
    public Uni<Void> returned(ConsumerRecords<String, String> records) {
        return consume(records);
    }

    @Incoming("case-lifecycle")
    public Uni<Void> lifecycle(ConsumerRecords<String, String> records) {
        return consume(records);
    }

    @Incoming("case-deadline")
    public Uni<Void> deadline(ConsumerRecords<String, String> records) {
        return consume(records);
    }

    @Incoming("supervision-circular")
    public Uni<Void> circular(ConsumerRecords<String, String> records) {
        return consume(records);
    }

    Uni<Void> consume(ConsumerRecords<String, String> records) {
        List<ConsumerRecord<String, String>> list = new ArrayList<>(records.count());
        records.forEach(list::add);
        if (list.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().deferred(() -> processor.process(list.stream().map(CaseEventsConsumer::event).toList()))
                .replaceWithVoid()
                .onFailure().recoverWithUni(batchFailure -> {
                    LOG.warnf("a batch of %d record(s) failed (%s); applying them one by one", list.size(),
                            batchFailure.getClass().getSimpleName());
                    return Multi.createFrom().iterable(list).onItem().transformToUniAndConcatenate(this::alone)
                            .collect().last().replaceWithVoid();
                })
                .invoke(delivery::trigger);
    }

    private Uni<Void> alone(ConsumerRecord<String, String> record) {
        return Uni.createFrom().deferred(() -> processor.process(List.of(event(record)))).replaceWithVoid()
                .onFailure().recoverWithUni(failure -> {
                    LOG.errorf("record %s-%d@%d cannot be applied (%s); dead-lettered", record.topic(), record.partition(),
                            record.offset(), failure.getClass().getSimpleName());
                    return deadLetters.send(record, record.topic() + "." + NoticeProcessor.CONSUMER + ".dlq", failure);
                });
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
