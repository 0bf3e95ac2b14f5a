package org.openpetition.notification.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.openpetition.contracts.event.CaseAssignedV1;
import org.openpetition.notification.service.CaseAssignedNotices;
import org.openpetition.platform.inbox.IncomingEvent;

/** Consumes case.assigned.v1 and queues the notice to the assigned department. */
@ApplicationScoped
public class CaseAssignedConsumer {

    private final CaseAssignedNotices notices;
    private final ObjectMapper json;

    public CaseAssignedConsumer(CaseAssignedNotices notices, ObjectMapper json) {
        this.notices = notices;
        this.json = json;
    }

    @Incoming("case-assigned")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        return notices.notifyDepartment(event.id(), event.data(json, CaseAssignedV1.class));
    }
}
