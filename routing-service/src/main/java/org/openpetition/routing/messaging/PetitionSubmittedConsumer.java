package org.openpetition.routing.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.openpetition.contracts.event.PetitionSubmittedV1;
import org.openpetition.platform.inbox.BatchWithFallback;
import org.openpetition.platform.inbox.IncomingEvent;
import org.openpetition.routing.service.PetitionRouting;

/**
 * Consumes petition.submitted.v1 a poll at a time (batch=true): the poll's petitions are routed in one
 * transaction; if that fails, each on its own (a batch of one, the same path), and a record that cannot be
 * processed on its own goes to the dead-letter topic.
 */
@ApplicationScoped
public class PetitionSubmittedConsumer {

    private final PetitionRouting routing;
    private final ObjectMapper json;

    public PetitionSubmittedConsumer(PetitionRouting routing, ObjectMapper json) {
        this.routing = routing;
        this.json = json;
    }

    @Incoming("petition-submitted")
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return BatchWithFallback.process(batch,
                records -> routing.routeAll(records.stream().map(this::submitted).toList()),
                record -> routing.routeAll(List.of(submitted(record))));
    }

    private PetitionRouting.Submitted submitted(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        return new PetitionRouting.Submitted(event.id(), event.data(json, PetitionSubmittedV1.class));
    }
}
