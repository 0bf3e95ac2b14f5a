package org.openpetition.routing.service;

import java.util.List;
import org.openpetition.routing.RoutingDecision.Outcome;
import org.openpetition.routing.directory.DirectoryLeader;
import org.openpetition.routing.directory.DirectoryUnit;
import org.openpetition.routing.words.Words;

/**
 * What the rules decided and why: every rule that contributed adds a reason a person can read, in
 * Chinese and in English, in the order the rules were applied.
 */
public record Decision(Outcome outcome, DirectoryUnit unit, DirectoryLeader owningLeader, boolean skipLevel,
                       LegalChannel legalChannel, List<Words> reasons) {

    /** The reasons as one Chinese text. */
    public String reason() {
        return Words.join(reasons).zh();
    }

    /** The reasons as one English text. */
    public String reasonEn() {
        return Words.join(reasons).en();
    }
}
