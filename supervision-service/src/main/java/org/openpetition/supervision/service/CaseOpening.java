package org.openpetition.supervision.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;
import org.openpetition.contracts.event.CaseAssignedV1;
import org.openpetition.contracts.event.UnitContact;
import org.openpetition.platform.inbox.ProcessedEvents;
import org.openpetition.supervision.SupervisedCase;
import org.openpetition.contracts.CaseStatus;
import org.openpetition.supervision.repository.EarlyWithdrawalRepository;
import org.openpetition.supervision.repository.PetitionRecordRepository;
import org.openpetition.supervision.repository.SupervisedCaseRepository;

/** Opens the clock of an assigned case: its acceptance deadline (受理期限) on the official calendar. */
@ApplicationScoped
public class CaseOpening {

    static final String CONSUMER = "supervision-service";
    private static final Logger LOG = Logger.getLogger(CaseOpening.class);

    private final SupervisedCaseRepository cases;
    private final ProcessedEvents processed;
    private final CaseClock clock;
    private final EarlyWithdrawalRepository withdrawals;
    private final CaseReturns returns;
    private final PetitionRecordRepository petitions;

    public CaseOpening(SupervisedCaseRepository cases, ProcessedEvents processed, CaseClock clock,
                       EarlyWithdrawalRepository withdrawals, CaseReturns returns, PetitionRecordRepository petitions) {
        this.petitions = petitions;
        this.withdrawals = withdrawals;
        this.returns = returns;
        this.cases = cases;
        this.processed = processed;
        this.clock = clock;
    }

    public Uni<Void> open(String eventId, CaseAssignedV1 assigned) {
        return processed.applyOnce(CONSUMER, eventId, () -> persist(assigned));
    }

    /**
     * A new case gets its acceptance limit; a case assigned again (reassigned, or returned and routed anew
     * or taken from the dispatcher's queue) restarts it with the new department, unless it went past
     * acceptance already.
     */
    private Uni<Void> persist(CaseAssignedV1 assigned) {
        return withdrawals.contains(assigned.caseId()).chain(withdrawn -> withdrawn
                ? openWithdrawn(assigned)
                : cases.findById(assigned.caseId(), LockModeType.PESSIMISTIC_WRITE).chain(existing -> open(assigned, existing)));
    }

    /** Withdrawn before it was assigned: on record, closed, without a clock. */
    private Uni<Void> openWithdrawn(CaseAssignedV1 assigned) {
        return cases.findById(assigned.caseId()).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            SupervisedCase c = describe(new SupervisedCase(), assigned);
            c.status = CaseStatus.WITHDRAWN;
            c.acceptanceDue = clock.day(assigned.assignedAt());
            c.closedAt = assigned.assignedAt();
            LOG.infof("case %s was withdrawn before its assignment; no clock runs", c.caseId);
            return withPetition(c).chain(cases::persist).replaceWithVoid();
        });
    }

    /** A new case, or one assigned again while it still awaits acceptance or was returned (退回). */
    private Uni<Void> open(CaseAssignedV1 assigned, SupervisedCase existing) {
        if (existing != null && existing.status != CaseStatus.ASSIGNED
                && existing.status != CaseStatus.RETURNED) {
            LOG.warnf("case %s assigned again in status %s; the clock is kept", existing.caseId, existing.status);
            return Uni.createFrom().voidItem();
        }
        if (existing != null && !existing.departmentCode.equals(assigned.departmentCode())) {
            existing.assignments++;
            existing.formerDepartments = existing.formerDepartments.isEmpty() ? existing.departmentCode
                    : existing.formerDepartments + "," + existing.departmentCode;
        }
        SupervisedCase supervised = describe(existing != null ? existing : new SupervisedCase(), assigned);
        supervised.status = CaseStatus.ASSIGNED;
        clock.startAcceptance(supervised, assigned.assignedAt(), assigned.acceptanceDue());
        Uni<SupervisedCase> saved = withPetition(supervised)
                .chain(s -> existing != null ? Uni.createFrom().item(s) : cases.persist(s));
        return saved.invoke(c -> LOG.infof("case %s: acceptance due %s (%s)", c.caseId, c.acceptanceDue, c.departmentCode))
                .chain(returns::applyRemembered);
    }

    /**
     * The kind and accused unit of the petition that opened the case, if it was recorded before
     * (petition.submitted.v1); one recorded later writes them onto the case itself.
     */
    private Uni<SupervisedCase> withPetition(SupervisedCase c) {
        if (c.kind != null) {
            return Uni.createFrom().item(c);
        }
        return petitions.opening(c.caseId).map(p -> {
            if (p != null) {
                c.kind = p[0];
                c.accusedUnitCode = p[1];
            }
            return c;
        });
    }

    private static SupervisedCase describe(SupervisedCase c, CaseAssignedV1 assigned) {
        c.caseId = assigned.caseId();
        c.trackingCode = assigned.trackingCode();
        c.departmentCode = assigned.departmentCode();
        c.departmentName = assigned.departmentName();
        c.departmentEmail = assigned.departmentEmail();
        UnitContact body = assigned.supervisingBody();
        c.supervisingCode = body == null ? null : body.code();
        c.supervisingName = body == null ? null : body.name();
        c.supervisingEmail = body == null ? null : body.email();
        c.localityCode = assigned.localityCode();
        c.subjectCategory = assigned.subjectCategory();
        c.owningLeaderId = assigned.owningLeader() == null ? null : assigned.owningLeader().id();
        c.receivedAt = assigned.receivedAt();
        c.assignedAt = assigned.assignedAt();
        c.skipLevel = assigned.skipLevel();
        return c;
    }
}
