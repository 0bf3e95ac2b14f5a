package org.openpetition.intake.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.openpetition.contracts.event.CaseDivertedV1;
import org.openpetition.intake.service.PetitionTracking;
import org.openpetition.platform.inbox.IncomingEvent;

/** Consumes case.diverted.v1 (诉访分离) into the petitioner's status timeline. */
@ApplicationScoped
public class CaseDivertedConsumer {

    private final PetitionTracking tracking;
    private final ObjectMapper json;

    public CaseDivertedConsumer(PetitionTracking tracking, ObjectMapper json) {
        this.tracking = tracking;
        this.json = json;
    }

    @Incoming("case-diverted")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        return tracking.diverted(event.id(), event.data(json, CaseDivertedV1.class));
    }
}
