package org.openpetition.supervision.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.openpetition.supervision.SupervisionOrder;

@ApplicationScoped
public class SupervisionOrderRepository implements PanacheRepositoryBase<SupervisionOrder, UUID> {

    /** The orders of a case, oldest first. */
    public Uni<List<SupervisionOrder>> ofCase(UUID caseId) {
        return list("caseId = ?1 order by issuedAt", caseId);
    }

    /**
     * Up to {@code limit} orders still unanswered and not escalated whose answer day is before {@code today},
     * locked (a second replica waits, then finds them escalated).
     */
    public Uni<List<SupervisionOrder>> waitingPast(LocalDate today, int limit) {
        return find("answer is null and escalatedAt is null and answerDue < ?1 order by answerDue", today)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .page(0, limit).list();
    }
}
