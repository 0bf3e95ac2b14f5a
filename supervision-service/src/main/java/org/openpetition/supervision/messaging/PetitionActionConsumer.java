package org.openpetition.supervision.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.openpetition.contracts.event.PetitionerActionV1;
import org.openpetition.platform.inbox.IncomingEvent;
import org.openpetition.supervision.service.PetitionerActions;

/** Consumes petition.action.v1: evaluations, review requests and withdrawals move the case's clock. */
@ApplicationScoped
public class PetitionActionConsumer {

    private final PetitionerActions actions;
    private final ObjectMapper json;

    public PetitionActionConsumer(PetitionerActions actions, ObjectMapper json) {
        this.actions = actions;
        this.json = json;
    }

    @Incoming("petition-action")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        return actions.apply(event.id(), event.data(json, PetitionerActionV1.class));
    }
}
