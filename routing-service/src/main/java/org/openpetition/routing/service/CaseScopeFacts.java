package org.openpetition.routing.service;

import io.smallrye.mutiny.Uni;
import java.util.Set;
import org.openpetition.platform.security.CaseFacts;
import org.openpetition.routing.RoutingDecision;
import org.openpetition.routing.directory.Directory;
import org.openpetition.routing.directory.DirectoryUnit;
import org.openpetition.routing.repository.CaseReturnRepository;

/** The facts of a routing decision that the shared scope decides on (docs/security.md). */
public final class CaseScopeFacts {

    private CaseScopeFacts() {
    }

    /** The facts of a stored decision, with the units that returned the case (退回), read from the database. */
    public static Uni<CaseFacts> load(RoutingDecision d, Directory directory, CaseReturnRepository returns) {
        return returns.returnedBy(d.caseId).map(returnedBy -> of(d, returnedBy, directory));
    }

    /**
     * @param returnedBy the units that returned the case (退回): they handled it before
     */
    public static CaseFacts of(RoutingDecision d, Set<String> returnedBy, Directory directory) {
        String accused = d.accusedUnitCode;
        return new CaseFacts(d.outcome == RoutingDecision.Outcome.ASSIGNED ? d.departmentCode : null, returnedBy,
                d.competentLocalityCode, d.petitionLocalityCode, null, null, false,
                directory.unit(d.departmentCode).map(DirectoryUnit::supervisingCode).orElse(null), d.owningLeaderId,
                "ACCUSATION".equals(d.kind), unit -> accused != null && directory.isSelfOrUnder(unit, accused),
                d.accusedLeaderId);
    }
}
