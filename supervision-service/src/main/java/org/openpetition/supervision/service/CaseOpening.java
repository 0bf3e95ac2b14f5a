package org.openpetition.supervision.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.openpetition.contracts.event.CaseAssignedV1;
import org.openpetition.platform.inbox.ProcessedEvents;
import org.openpetition.supervision.SupervisedCase;
import org.openpetition.supervision.SupervisedCase.CaseStatus;
import org.openpetition.supervision.repository.SupervisedCaseRepository;

/** Opens the clock of an assigned case: its acceptance deadline (受理期限) on the official calendar. */
@ApplicationScoped
public class CaseOpening {

    static final String CONSUMER = "supervision-service";
    private static final Logger LOG = Logger.getLogger(CaseOpening.class);

    private final SupervisedCaseRepository cases;
    private final ProcessedEvents processed;
    private final CaseClock clock;

    public CaseOpening(SupervisedCaseRepository cases, ProcessedEvents processed, CaseClock clock) {
        this.cases = cases;
        this.processed = processed;
        this.clock = clock;
    }

    public Uni<Void> open(String eventId, CaseAssignedV1 assigned) {
        return processed.applyOnce(CONSUMER, eventId, () -> persist(assigned));
    }

    /**
     * A new case gets its acceptance limit; a case assigned again (reassigned or returned and routed
     * anew) restarts it with the new department, unless it went past acceptance already.
     */
    private Uni<Void> persist(CaseAssignedV1 assigned) {
        return cases.findById(assigned.caseId()).chain(existing -> {
            if (existing != null && existing.status != CaseStatus.AWAITING_ACCEPTANCE) {
                LOG.warnf("case %s assigned again in status %s; the clock is kept", existing.caseId, existing.status);
                return Uni.createFrom().voidItem();
            }
            SupervisedCase supervised = existing != null ? existing : new SupervisedCase();
            supervised.caseId = assigned.caseId();
            supervised.trackingCode = assigned.trackingCode();
            supervised.departmentCode = assigned.departmentCode();
            supervised.departmentName = assigned.departmentName();
            supervised.localityCode = assigned.localityCode();
            supervised.status = CaseStatus.AWAITING_ACCEPTANCE;
            supervised.receivedAt = assigned.receivedAt();
            supervised.assignedAt = assigned.assignedAt();
            clock.startAcceptance(supervised, assigned.assignedAt());
            Uni<SupervisedCase> saved = existing != null ? Uni.createFrom().item(supervised) : cases.persist(supervised);
            return saved.invoke(c -> LOG.infof("case %s: acceptance due %s (%s)", c.caseId, c.acceptanceDue, c.departmentCode))
                    .replaceWithVoid();
        });
    }
}
