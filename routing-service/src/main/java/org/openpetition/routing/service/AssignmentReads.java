package org.openpetition.routing.service;

import static org.openpetition.platform.security.Roles.*;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.openpetition.platform.security.CaseScope;
import org.openpetition.platform.security.Caller;
import org.openpetition.platform.security.Jurisdiction;
import org.openpetition.routing.RoutingDecision;
import org.openpetition.routing.directory.Directory;
import org.openpetition.routing.directory.DirectoryIndex;
import org.openpetition.routing.repository.CaseReturnRepository;
import org.openpetition.routing.repository.RoutingDecisionRepository;

/** The routing decisions a caller may read (docs/security.md): one case, or the dispatcher's queue of its area. */
@ApplicationScoped
public class AssignmentReads {

    private static final int QUEUE_PAGE = 200;

    private final RoutingDecisionRepository decisions;
    private final CaseReturnRepository returns;
    private final DirectoryIndex index;

    public AssignmentReads(RoutingDecisionRepository decisions, CaseReturnRepository returns, DirectoryIndex index) {
        this.decisions = decisions;
        this.returns = returns;
        this.index = index;
    }

    /** The decision of a case if the caller may see it; 404 otherwise, as if the case did not exist. */
    public Uni<RoutingDecision> visible(UUID caseId, Caller who) {
        return decisions.findById(caseId)
                .chain(decision -> decision == null ? Uni.createFrom().<RoutingDecision>nullItem()
                        : CaseScopeFacts.load(decision, index.current(), returns)
                                .map(facts -> CaseScope.access(who, facts).visible() ? decision : null))
                .onItem().ifNull().failWith(() -> new NotFoundException("no routing decision for case " + caseId));
    }

    /**
     * The dispatcher's queue within the caller's area, oldest first; none without an area; an accusation is
     * left out for a caller of its accused unit's line or the accused official.
     */
    public Uni<List<RoutingDecision>> queue(Caller who) {
        Jurisdiction area = CaseScope.listArea(who, DISPATCHER, SUPERVISOR, ADMIN, AUDITOR);
        if (area == null) {
            return Uni.createFrom().item(List.of());
        }
        Directory directory = index.current();
        return decisions.queue(area.likePattern(), QUEUE_PAGE)
                .map(list -> list.stream().filter(d -> !CaseScope.accused(who, CaseScopeFacts.of(d, Set.of(), directory)))
                        .toList());
    }
}
