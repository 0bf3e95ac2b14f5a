package org.openpetition.routing.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.time.LocalDate;
import org.openpetition.contracts.event.DepartmentCaseEventV1;
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
import org.openpetition.routing.words.RoutingWords;
import org.openpetition.routing.words.Words;

/** The events of routing decisions, appended to the outbox inside the decision's transaction. */
@ApplicationScoped
public class RoutingEvents {

    private final OutboxWriter outbox;
    private final RoutingWords words;

    public RoutingEvents(OutboxWriter outbox, RoutingWords words) {
        this.outbox = outbox;
        this.words = words;
    }

    /**
     * case.assigned.v1 or case.diverted.v1 for the decision's outcome (nothing for the others), and the
     * departmental feeds: ASSIGNED to the unit that has the case now, NO_LONGER_ASSIGNED to the unit that had
     * it before (null: none).
     */
    public Uni<?> publish(RoutingDecision d, Directory directory, String formerDepartment) {
        return outbox.appendAll(events(d, directory, formerDepartment));
    }

    /** The outbox rows of {@link #publish}, not yet stored (for a batch stored in one statement). */
    public List<OutboxEvent> events(RoutingDecision d, Directory directory, String formerDepartment) {
        List<OutboxEvent> events = new ArrayList<>(3);
        boolean assigned = d.outcome == RoutingDecision.Outcome.ASSIGNED;
        if (formerDepartment != null && !(assigned && formerDepartment.equals(d.departmentCode))) {
            events.add(feed(d, formerDepartment, DepartmentCaseEventV1.NO_LONGER_ASSIGNED, null));
        }
        switch (d.outcome) {
            case ASSIGNED -> {
                events.add(assigned(d, directory));
                events.add(feed(d, d.departmentCode, DepartmentCaseEventV1.ASSIGNED, d.acceptanceDue));
            }
            case DIVERTED -> events.add(diverted(d));
            default -> {
            }
        }
        return events;
    }

    /** case.diverted.v1: the guidance and the reason, each as a whole Chinese and a whole English text. */
    private OutboxEvent diverted(RoutingDecision d) {
        LegalChannel channel = LegalChannel.valueOf(d.legalChannel);
        Words guidance = words.say((m, l) -> m.guidance(channel));
        return outbox.prepare(Topics.CASE_DIVERTED_V1, CloudEvent.TYPE_CASE_DIVERTED_V1, d.caseId,
                new CaseDivertedV1(d.caseId, d.trackingCode, d.petitionLocalityCode, d.subjectCategory, channel.name(),
                        guidance.zh(), d.reason, d.receivedAt, d.decidedAt, guidance.en(), d.reasonEn));
    }

    /** An event of a department's own feed: the case, the event and the limit, nothing about other units. */
    private OutboxEvent feed(RoutingDecision d, String department, String event, LocalDate due) {
        return outbox.prepare(Topics.departmentFeed(department), CloudEvent.TYPE_DEPARTMENT_CASE_V1, d.caseId,
                new DepartmentCaseEventV1(d.caseId, d.trackingCode, department, event, d.decidedAt, d.subjectCategory,
                        d.competentLocalityCode, due, due == null ? null : "ACCEPTANCE"));
    }

    private OutboxEvent assigned(RoutingDecision d, Directory directory) {
        DirectoryUnit unit = directory.unit(d.departmentCode).orElseThrow(
                () -> new IllegalStateException("unit " + d.departmentCode + " is not in the directory"));
        CaseAssignedV1.OwningLeader leader = directory.leader(d.owningLeaderId)
                .map(l -> new CaseAssignedV1.OwningLeader(l.id(), l.name(), l.title(), l.email())).orElse(null);
        return outbox.prepare(Topics.CASE_ASSIGNED_V1, CloudEvent.TYPE_CASE_ASSIGNED_V1, d.caseId,
                new CaseAssignedV1(d.caseId, d.trackingCode, unit.code(), unit.name(), unit.email(), unit.localityCode(),
                        d.subjectCategory, d.reason, d.receivedAt, d.decidedAt, d.skipLevel, leader, d.acceptanceDue,
                        d.decidedBy, Words.zhReasons(d.reason), supervisingBody(unit, directory), d.reasonEn,
                        Words.enReasons(d.reasonEn)));
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
}
