package org.openpetition.intake.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.openpetition.contracts.event.CaseLifecycleV1;
import org.openpetition.intake.service.PetitionTracking;
import org.openpetition.platform.inbox.IncomingEvent;

/** Consumes case.lifecycle.v1 into the petitioner's status timeline and windows. */
@ApplicationScoped
public class CaseLifecycleConsumer {

    private final PetitionTracking tracking;
    private final ObjectMapper json;

    public CaseLifecycleConsumer(PetitionTracking tracking, ObjectMapper json) {
        this.tracking = tracking;
        this.json = json;
    }

    @Incoming("case-lifecycle")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        return tracking.lifecycle(event.id(), event.data(json, CaseLifecycleV1.class));
    }
}
