package org.openpetition.supervision.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.openpetition.contracts.event.CaseAssignedV1;
import org.openpetition.platform.inbox.IncomingEvent;
import org.openpetition.supervision.service.CaseOpening;

/** Consumes case.assigned.v1 and opens the case's clock. */
@ApplicationScoped
public class CaseAssignedConsumer {

    private final CaseOpening opening;
    private final ObjectMapper json;

    public CaseAssignedConsumer(CaseOpening opening, ObjectMapper json) {
        this.opening = opening;
        this.json = json;
    }

    @Incoming("case-assigned")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        return opening.open(event.id(), event.data(json, CaseAssignedV1.class));
    }
}
