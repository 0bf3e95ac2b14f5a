package org.openpetition.supervision.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.openpetition.contracts.event.PetitionSubmittedV1;
import org.openpetition.platform.inbox.IncomingEvent;
import org.openpetition.supervision.indicators.PetitionRecords;

/** Consumes petition.submitted.v1: every petition, repeats included, counts in the indicators. */
@ApplicationScoped
public class PetitionSubmittedConsumer {

    private final PetitionRecords records;
    private final ObjectMapper json;

    public PetitionSubmittedConsumer(PetitionRecords records, ObjectMapper json) {
        this.records = records;
        this.json = json;
    }

    @Incoming("petition-submitted")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        return records.record(event.id(), event.data(json, PetitionSubmittedV1.class));
    }
}
