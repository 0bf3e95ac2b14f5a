package org.openpetition.supervision.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;
import org.openpetition.contracts.event.PetitionerActionV1;
import org.openpetition.platform.inbox.ProcessedEvents;
import org.openpetition.platform.outbox.OutboxRelay;
import org.openpetition.supervision.repository.EarlyWithdrawalRepository;
import org.openpetition.supervision.repository.SupervisedCaseRepository;

/**
 * petition.action.v1: the petitioner's evaluations, review and re-review requests and withdrawals. Intake
 * is the one owner of the check of the petitioner's actions (the case's state and the petitioner's windows);
 * supervision applies what arrives, once per event. An action that does not fit the case's state here (intake
 * checked it against an older state, or it is a later version's action) changes nothing and is recorded
 * visibly: a warning naming the case and the action, and the counter
 * {@code petition_actions_not_applied_total{action}}.
 */
@ApplicationScoped
public class PetitionerActions {

    static final String CONSUMER = "supervision-service";
    /** Micrometer name of the counter of actions that did not fit the case's state (Prometheus adds _total). */
    public static final String NOT_APPLIED = "petition_actions_not_applied";
    private static final Logger LOG = Logger.getLogger(PetitionerActions.class);

    private final SupervisedCaseRepository cases;
    private final CaseTransitions transitions;
    private final StepLog log;
    private final EarlyWithdrawalRepository withdrawals;
    private final ProcessedEvents processed;
    private final OutboxRelay relay;
    private final MeterRegistry metrics;

    public PetitionerActions(SupervisedCaseRepository cases, CaseTransitions transitions, StepLog log,
                             EarlyWithdrawalRepository withdrawals, ProcessedEvents processed, OutboxRelay relay,
                             MeterRegistry metrics) {
        this.cases = cases;
        this.transitions = transitions;
        this.log = log;
        this.withdrawals = withdrawals;
        this.processed = processed;
        this.relay = relay;
        this.metrics = metrics;
    }

    /** Applies one petition.action.v1 event, once per event id. */
    public Uni<Void> apply(String eventId, PetitionerActionV1 action) {
        return processed.applyOnce(CONSUMER, eventId, () -> cases.findById(action.caseId(), LockModeType.PESSIMISTIC_WRITE)
                        .chain(c -> {
                            if (c == null) {
                                if (action.action() == PetitionerActionV1.Action.WITHDRAWN) {
                                    // withdrawn before it was assigned: the case must not start a clock when the assignment arrives
                                    return withdrawals.remember(action.caseId(), action.at());
                                }
                                return notApplied(eventId, action, "not on the clock");
                            }
                            String status = c.status.name();
                            return transitions.petitioner(c, action)
                                    .map(taken -> log.record(c, taken, action.at(), "petitioner", c.departmentCode)
                                            .replaceWithVoid())
                                    .orElseGet(() -> notApplied(eventId, action, "in status " + status));
                        }))
                .invoke(relay::trigger);
    }

    private Uni<Void> notApplied(String eventId, PetitionerActionV1 action, String why) {
        LOG.warnf("petition.action.v1 %s: %s on case %s %s does not fit; not applied", eventId, action.action(),
                action.caseId(), why);
        metrics.counter(NOT_APPLIED, "action", action.action().name()).increment();
        return Uni.createFrom().voidItem();
    }
}
