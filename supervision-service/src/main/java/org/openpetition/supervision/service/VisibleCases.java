package org.openpetition.supervision.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import java.util.UUID;
import org.openpetition.platform.security.CaseScope;
import org.openpetition.platform.security.CurrentCaller;
import org.openpetition.supervision.SupervisedCase;
import org.openpetition.supervision.repository.SupervisedCaseRepository;

/** The reads of one case: the case if it is within the caller's scope (docs/security.md), else 404. */
@ApplicationScoped
public class VisibleCases {

    private final SupervisedCaseRepository cases;
    private final CurrentCaller caller;

    public VisibleCases(SupervisedCaseRepository cases, CurrentCaller caller) {
        this.cases = cases;
        this.caller = caller;
    }

    /** The case, or 404 alike for one that does not exist and one outside the caller's scope (in a session). */
    public Uni<SupervisedCase> get(UUID caseId) {
        return cases.findById(caseId)
                .map(found -> found != null && CaseScope.access(caller.get(), CaseScopeFacts.of(found)).visible() ? found : null)
                .onItem().ifNull().failWith(() -> new NotFoundException("no case " + caseId));
    }
}
