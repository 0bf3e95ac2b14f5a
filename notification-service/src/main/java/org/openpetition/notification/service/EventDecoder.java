package org.openpetition.notification.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.openpetition.contracts.CloudEvent;
import org.openpetition.contracts.event.CaseAssignedV1;
import org.openpetition.contracts.event.CaseDeadlineV1;
import org.openpetition.contracts.event.CaseDivertedV1;
import org.openpetition.contracts.event.CaseLifecycleV1;
import org.openpetition.contracts.event.CaseReturnedV1;
import org.openpetition.contracts.event.CircularV1;
import org.openpetition.contracts.event.DailyReportV1;
import org.openpetition.contracts.event.PetitionerContactV1;
import org.openpetition.platform.inbox.IncomingEvent;

/**
 * Reads a received event's data as the contract record of its type. An event type this service does not
 * know reads as null (skipped, as the contracts ask of consumers); unreadable data fails.
 */
@ApplicationScoped
public class EventDecoder {

    private final ObjectMapper json;

    public EventDecoder(ObjectMapper json) {
        this.json = json;
    }

    public Object decode(ReceivedEvent e) {
        IncomingEvent event = new IncomingEvent(e.id(), e.type(), String.valueOf(e.caseId()), e.data());
        return switch (e.type()) {
            case CloudEvent.TYPE_PETITIONER_CONTACT_V1 -> event.data(json, PetitionerContactV1.class);
            case CloudEvent.TYPE_CASE_ASSIGNED_V1 -> event.data(json, CaseAssignedV1.class);
            case CloudEvent.TYPE_CASE_DIVERTED_V1 -> event.data(json, CaseDivertedV1.class);
            case CloudEvent.TYPE_CASE_RETURNED_V1 -> event.data(json, CaseReturnedV1.class);
            case CloudEvent.TYPE_CASE_LIFECYCLE_V1 -> event.data(json, CaseLifecycleV1.class);
            case CloudEvent.TYPE_CASE_DEADLINE_V1 -> event.data(json, CaseDeadlineV1.class);
            case CloudEvent.TYPE_SUPERVISION_CIRCULAR_V1 -> event.data(json, CircularV1.class);
            case CloudEvent.TYPE_SUPERVISION_DAILY_REPORT_V1 -> event.data(json, DailyReportV1.class);
            default -> null;
        };
    }
}
