package org.openpetition.routing.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.openpetition.contracts.CloudEvent;
import org.openpetition.contracts.Topics;
import org.openpetition.contracts.event.CaseAssignedV1;
import org.openpetition.contracts.event.CaseDivertedV1;
import org.openpetition.contracts.event.CaseReturnedV1;
import org.openpetition.contracts.event.UnitContact;
import org.openpetition.platform.outbox.OutboxEvent;
import org.openpetition.platform.outbox.OutboxWriter;
import org.openpetition.routing.RoutingDecision;
import org.openpetition.routing.directory.Directory;
import org.openpetition.routing.directory.DirectoryUnit;

/** The events of routing decisions, appended to the outbox inside the decision's transaction. */
@ApplicationScoped
public class RoutingEvents {

    private final OutboxWriter outbox;

    public RoutingEvents(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    /** case.assigned.v1 or case.diverted.v1 for the decision's outcome; nothing for the others. */
    public Uni<?> publish(RoutingDecision d, Directory directory) {
        OutboxEvent event = event(d, directory);
        return event == null ? Uni.createFrom().voidItem() : event.persist();
    }

    /** The outbox row of {@link #publish}, not yet stored (for a batch stored in one statement), or null. */
    public OutboxEvent event(RoutingDecision d, Directory directory) {
        return switch (d.outcome) {
            case ASSIGNED -> assigned(d, directory);
            case DIVERTED -> outbox.prepare(Topics.CASE_DIVERTED_V1, CloudEvent.TYPE_CASE_DIVERTED_V1, d.caseId,
                    new CaseDivertedV1(d.caseId, d.trackingCode, d.petitionLocalityCode, d.subjectCategory,
                            LegalChannel.valueOf(d.legalChannel).name(), LegalChannel.valueOf(d.legalChannel).guidance(),
                            d.reason, d.receivedAt, d.decidedAt));
            default -> null;
        };
    }

    private OutboxEvent assigned(RoutingDecision d, Directory directory) {
        DirectoryUnit unit = directory.unit(d.departmentCode).orElseThrow(
                () -> new IllegalStateException("unit " + d.departmentCode + " is not in the directory"));
        CaseAssignedV1.OwningLeader leader = directory.leader(d.owningLeaderId)
                .map(l -> new CaseAssignedV1.OwningLeader(l.id(), l.name(), l.title(), l.email())).orElse(null);
        return outbox.prepare(Topics.CASE_ASSIGNED_V1, CloudEvent.TYPE_CASE_ASSIGNED_V1, d.caseId,
                new CaseAssignedV1(d.caseId, d.trackingCode, unit.code(), unit.name(), unit.email(), unit.localityCode(),
                        d.subjectCategory, d.reason, d.receivedAt, d.decidedAt, d.skipLevel, leader, d.acceptanceDue,
                        d.decidedBy, reasons(d.reason), supervisingBody(unit, directory)));
    }

    /** The unit's supervising body (上级主管单位) as the directory knows it, or null at the top of a line. */
    static UnitContact supervisingBody(DirectoryUnit unit, Directory directory) {
        return unit.supervisingCode() == null ? null : directory.unit(unit.supervisingCode())
                .map(body -> new UnitContact(body.code(), body.name(), body.email())).orElse(null);
    }

    public Uni<?> returned(RoutingDecision d, DirectoryUnit unit, String reason, int maxReturns, Instant at) {
        return outbox.append(Topics.CASE_RETURNED_V1, CloudEvent.TYPE_CASE_RETURNED_V1, d.caseId,
                new CaseReturnedV1(d.caseId, d.trackingCode, unit.code(), unit.name(), reason, d.returnCount, maxReturns,
                        d.outcome == RoutingDecision.Outcome.ASSIGNED ? "REROUTED" : "DISPATCHER_QUEUE", at));
    }

    /** The stored reason is the reasons joined by "; ". */
    static List<String> reasons(String reason) {
        return Arrays.asList(reason.split("; "));
    }
}
