package org.openpetition.routing.service;

import java.util.List;
import org.openpetition.routing.RoutingDecision.Outcome;
import org.openpetition.routing.directory.DirectoryLeader;
import org.openpetition.routing.directory.DirectoryUnit;

/**
 * What the rules decided and why: every rule that contributed adds a reason a person can read, in
 * the order the rules were applied.
 */
public record Decision(Outcome outcome, DirectoryUnit unit, DirectoryLeader owningLeader, boolean skipLevel,
                       LegalChannel legalChannel, List<String> reasons) {

    public String reason() {
        return String.join("; ", reasons);
    }
}
