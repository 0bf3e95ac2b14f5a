package org.openpetition.supervision.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import org.jboss.logging.Logger;
import org.openpetition.contracts.event.CaseLifecycleV1.Step;
import org.openpetition.contracts.event.CaseReturnedV1;
import org.openpetition.platform.inbox.ProcessedEvents;
import org.openpetition.platform.outbox.OutboxRelay;
import org.openpetition.supervision.SupervisedCase;
import org.openpetition.contracts.CaseStatus;
import org.openpetition.supervision.repository.EarlyReturnRepository;
import org.openpetition.supervision.repository.EarlyReturnRepository.Return;
import org.openpetition.supervision.repository.SupervisedCaseRepository;
import org.openpetition.supervision.service.StepLog.Taken;

/**
 * 退回 (case.returned.v1): the department returned the case before deciding acceptance. Its acceptance
 * clock stops (no alert afterwards; the ladder ends), the step goes to the case's history and to
 * case.lifecycle.v1 (RETURNED). Routing's next case.assigned.v1 restarts the clock for the new department
 * ({@link CaseOpening}); a case in the dispatcher's queue waits without a department clock.
 *
 * <p>case.returned.v1 and case.assigned.v1 are different topics, so either may arrive first. A return
 * changes the clock only if the returning department still holds the case from an assignment made before
 * the return; otherwise (the new assignment arrived first) it is history only. A return of a case not yet
 * on the clock is remembered, and that department's assignment then opens the case returned.
 */
@ApplicationScoped
public class CaseReturns {

    static final String CONSUMER = "supervision-service";
    private static final Logger LOG = Logger.getLogger(CaseReturns.class);

    private final SupervisedCaseRepository cases;
    private final ProcessedEvents processed;
    private final StepLog log;
    private final EarlyReturnRepository earlyReturns;
    private final OutboxRelay relay;

    public CaseReturns(SupervisedCaseRepository cases, ProcessedEvents processed, StepLog log,
                       EarlyReturnRepository earlyReturns, OutboxRelay relay) {
        this.cases = cases;
        this.processed = processed;
        this.log = log;
        this.earlyReturns = earlyReturns;
        this.relay = relay;
    }

    /** Applies case.returned.v1 once per event id. */
    public Uni<Void> returned(String eventId, CaseReturnedV1 event) {
        Return r = new Return(event.departmentCode(), event.departmentName(), event.reason(), event.returnedAt());
        return processed.applyOnce(CONSUMER, eventId, () -> cases.findById(event.caseId(), LockModeType.PESSIMISTIC_WRITE)
                        .chain(c -> {
                            if (c == null) {
                                LOG.infof("case %s returned by %s before its assignment reached supervision; remembered",
                                        event.caseId(), event.departmentCode());
                                return earlyReturns.remember(event.caseId(), r);
                            }
                            LOG.infof("case %s returned by %s (%d of %d), next: %s", c.caseId, event.departmentCode(),
                                    event.returnCount(), event.maxReturns(), event.next());
                            return apply(c, r);
                        }))
                .invoke(relay::trigger);
    }

    /**
     * Stops the clock if {@code r}'s department holds the case from an assignment made before the return
     * and has not decided acceptance; records the RETURNED step in any case. In the caller's transaction.
     */
    Uni<Void> apply(SupervisedCase c, Return r) {
        boolean holds = c.departmentCode.equals(r.departmentCode()) && !c.assignedAt.isAfter(r.returnedAt());
        if (holds && c.status == CaseStatus.ASSIGNED) {
            c.status = CaseStatus.RETURNED;
            c.dueOn(null, null); // the ladder ends: next_alert_on null, the sweep never reads it again
        } else {
            LOG.warnf("case %s: the return by %s at %s does not stop the clock (now %s, %s, assigned %s)", c.caseId,
                    r.departmentCode(), r.returnedAt(), c.status, c.departmentCode, c.assignedAt);
        }
        return log.record(c, List.of(new Taken(Step.RETURNED, r.reason(), null)), r.returnedAt(),
                r.departmentCode(), r.departmentCode()).replaceWithVoid();
    }

    /** After an assignment was applied: a remembered return of that department, made after it, applies now. */
    Uni<Void> applyRemembered(SupervisedCase c) {
        return earlyReturns.take(c.caseId, c.departmentCode).chain(returns -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Return r : returns) {
                if (!r.returnedAt().isBefore(c.assignedAt)) {
                    chain = chain.chain(() -> apply(c, r));
                }
            }
            return chain;
        });
    }
}
