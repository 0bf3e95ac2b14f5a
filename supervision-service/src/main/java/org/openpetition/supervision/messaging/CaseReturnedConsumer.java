package org.openpetition.supervision.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.openpetition.contracts.event.CaseReturnedV1;
import org.openpetition.platform.inbox.IncomingEvent;
import org.openpetition.supervision.service.CaseReturns;

/** Consumes case.returned.v1 (退回): the returning department's acceptance clock stops. */
@ApplicationScoped
public class CaseReturnedConsumer {

    private final CaseReturns returns;
    private final ObjectMapper json;

    public CaseReturnedConsumer(CaseReturns returns, ObjectMapper json) {
        this.returns = returns;
        this.json = json;
    }

    @Incoming("case-returned")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        return returns.returned(event.id(), event.data(json, CaseReturnedV1.class));
    }
}
