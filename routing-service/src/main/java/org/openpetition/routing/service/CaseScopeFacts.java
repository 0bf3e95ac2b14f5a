package org.openpetition.routing.service;

import java.util.Set;
import org.openpetition.platform.security.CaseFacts;
import org.openpetition.routing.RoutingDecision;
import org.openpetition.routing.directory.Directory;
import org.openpetition.routing.directory.DirectoryUnit;

/** The facts of a routing decision that the shared scope decides on (docs/security.md). */
public final class CaseScopeFacts {

    private CaseScopeFacts() {
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
