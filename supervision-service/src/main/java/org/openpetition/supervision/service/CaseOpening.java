package org.openpetition.supervision.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import org.jboss.logging.Logger;
import org.openpetition.contracts.event.CaseAssignedV1;
import org.openpetition.platform.inbox.ProcessedEvents;
import org.openpetition.supervision.SupervisedCase;
import org.openpetition.supervision.SupervisedCase.CaseStatus;
import org.openpetition.supervision.calendar.DeadlineCalculator;
import org.openpetition.supervision.config.DeadlineConfig;
import org.openpetition.supervision.repository.SupervisedCaseRepository;

/** Opens the clock of an assigned case: its acceptance deadline (受理期限) on the official calendar. */
@ApplicationScoped
public class CaseOpening {

    static final String CONSUMER = "supervision-service";
    private static final Logger LOG = Logger.getLogger(CaseOpening.class);

    private final SupervisedCaseRepository cases;
    private final ProcessedEvents processed;
    private final DeadlineCalculator deadlines;
    private final DeadlineConfig config;

    public CaseOpening(SupervisedCaseRepository cases, ProcessedEvents processed, DeadlineCalculator deadlines,
                       DeadlineConfig config) {
        this.cases = cases;
        this.processed = processed;
        this.deadlines = deadlines;
        this.config = config;
    }

    public Uni<Void> open(String eventId, CaseAssignedV1 assigned) {
        return processed.applyOnce(CONSUMER, eventId, () -> persist(assigned));
    }

    private Uni<Void> persist(CaseAssignedV1 assigned) {
        SupervisedCase supervised = new SupervisedCase();
        supervised.caseId = assigned.caseId();
        supervised.trackingCode = assigned.trackingCode();
        supervised.departmentCode = assigned.departmentCode();
        supervised.localityCode = assigned.localityCode();
        supervised.status = CaseStatus.AWAITING_ACCEPTANCE;
        supervised.receivedAt = assigned.receivedAt();
        supervised.assignedAt = assigned.assignedAt();
        LocalDate assignedDay = LocalDate.ofInstant(assigned.assignedAt(), config.zone());
        supervised.acceptanceDue = deadlines.due(assignedDay, config.acceptanceDays(), config.dayUnit());
        return cases.persist(supervised)
                .invoke(c -> LOG.infof("case %s: acceptance due %s (%s)", c.caseId, c.acceptanceDue, c.departmentCode))
                .replaceWithVoid();
    }
}
