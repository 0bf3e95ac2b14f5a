package org.openpetition.intake.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.openpetition.contracts.event.CaseAssignedV1;
import org.openpetition.intake.service.PetitionTracking;
import org.openpetition.platform.inbox.IncomingEvent;

/** Consumes case.assigned.v1 into the petitioner's status timeline. */
@ApplicationScoped
public class CaseAssignedConsumer {

    private final PetitionTracking tracking;
    private final ObjectMapper json;

    public CaseAssignedConsumer(PetitionTracking tracking, ObjectMapper json) {
        this.tracking = tracking;
        this.json = json;
    }

    @Incoming("case-assigned")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        return tracking.assigned(event.id(), event.data(json, CaseAssignedV1.class));
    }
}
