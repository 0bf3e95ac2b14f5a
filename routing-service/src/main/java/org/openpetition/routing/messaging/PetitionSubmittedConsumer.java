package org.openpetition.routing.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.openpetition.contracts.event.PetitionSubmittedV1;
import org.openpetition.platform.inbox.IncomingEvent;
import org.openpetition.routing.service.PetitionRouting;

/** Consumes petition.submitted.v1. A record that cannot be processed goes to the dead-letter topic. */
@ApplicationScoped
public class PetitionSubmittedConsumer {

    private final PetitionRouting routing;
    private final ObjectMapper json;

    public PetitionSubmittedConsumer(PetitionRouting routing, ObjectMapper json) {
        this.routing = routing;
        this.json = json;
    }

    @Incoming("petition-submitted")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        return routing.route(event.id(), event.data(json, PetitionSubmittedV1.class));
    }
}
