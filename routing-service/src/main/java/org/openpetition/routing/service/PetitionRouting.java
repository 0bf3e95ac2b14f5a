package org.openpetition.routing.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.openpetition.contracts.CloudEvent;
import org.openpetition.contracts.Topics;
import org.openpetition.contracts.event.CaseAssignedV1;
import org.openpetition.contracts.event.PetitionSubmittedV1;
import org.openpetition.platform.inbox.ProcessedEvents;
import org.openpetition.platform.outbox.OutboxRelay;
import org.openpetition.platform.outbox.OutboxWriter;
import org.openpetition.routing.RoutingDecision;
import org.openpetition.routing.RoutingDecision.Outcome;
import org.openpetition.routing.repository.DepartmentRepository;
import org.openpetition.routing.repository.RoutingDecisionRepository;

/**
 * Routes a submitted petition once: the decision, the processed-event mark and the
 * case.assigned.v1 event are committed together, so a redelivered event changes nothing.
 */
@ApplicationScoped
public class PetitionRouting {

    static final String CONSUMER = "routing-service";
    private static final Logger LOG = Logger.getLogger(PetitionRouting.class);

    private final RoutingRules rules;
    private final RoutingDecisionRepository decisions;
    private final DepartmentRepository departments;
    private final ProcessedEvents processed;
    private final OutboxWriter outbox;
    private final OutboxRelay relay;

    public PetitionRouting(RoutingRules rules, RoutingDecisionRepository decisions, DepartmentRepository departments,
                           ProcessedEvents processed, OutboxWriter outbox, OutboxRelay relay) {
        this.rules = rules;
        this.decisions = decisions;
        this.departments = departments;
        this.processed = processed;
        this.outbox = outbox;
        this.relay = relay;
    }

    public Uni<Void> route(String eventId, PetitionSubmittedV1 petition) {
        return processed.applyOnce(CONSUMER, eventId, () -> decideAndRecord(petition))
                .invoke(relay::trigger);
    }

    private Uni<Void> decideAndRecord(PetitionSubmittedV1 petition) {
        return rules.decide(petition)
                .call(decisions::persist)
                .call(decision -> decision.outcome == Outcome.ASSIGNED ? publishAssigned(decision) : Uni.createFrom().voidItem())
                .invoke(decision -> LOG.infof("case %s: %s %s", decision.caseId, decision.outcome,
                        decision.departmentCode == null ? "" : decision.departmentCode))
                .replaceWithVoid();
    }

    private Uni<?> publishAssigned(RoutingDecision decision) {
        return departments.findById(decision.departmentCode).chain(department -> outbox.append(
                Topics.CASE_ASSIGNED_V1, CloudEvent.TYPE_CASE_ASSIGNED_V1, decision.caseId,
                new CaseAssignedV1(decision.caseId, decision.trackingCode, department.code, department.name,
                        department.email, decision.competentLocalityCode, decision.subjectCategory, decision.reason,
                        decision.receivedAt, decision.decidedAt, false, null, null, CaseAssignedV1.DECIDED_BY_RULES, java.util.List.of(decision.reason))));
    }

}
