package org.openpetition.routing.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.UUID;
import org.openpetition.routing.RoutingDecision;
import org.openpetition.routing.RoutingDecision.Outcome;

/** The routing decisions, the only reader and writer of routing_decision. */
@ApplicationScoped
public class RoutingDecisionRepository implements PanacheRepositoryBase<RoutingDecision, UUID> {

    /** The decision of a case, locked for an action on it (null if the case was never routed). */
    public Uni<RoutingDecision> lockedForUpdate(UUID caseId) {
        return findById(caseId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The dispatcher's queue within an area (a division-code LIKE pattern), oldest first, at most {@code max}. */
    public Uni<List<RoutingDecision>> queue(String areaPattern, int max) {
        return find("outcome = ?1 and petitionLocalityCode like ?2", Sort.by("decidedAt"), Outcome.DISPATCHER_QUEUE,
                areaPattern).page(0, max).list();
    }
}
