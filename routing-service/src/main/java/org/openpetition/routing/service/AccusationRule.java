package org.openpetition.routing.service;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.openpetition.routing.directory.Directory;
import org.openpetition.routing.directory.DirectoryUnit;
import org.openpetition.routing.directory.Localities;

/**
 * 检举控告: an accusation goes to the discipline inspection body (纪委监委) at the accused unit's level or
 * above (or the petition's locality when the accused unit is not in the directory). 保护检举人: never to
 * the accused unit or any unit under it (a unit whose chain of supervising bodies reaches the accused
 * unit). Without a discipline inspection body, the competent unit outside that subtree.
 */
final class AccusationRule {

    private AccusationRule() {
    }

    static DirectoryUnit choose(Directory directory, PetitionFacts p, Predicate<DirectoryUnit> allowed, List<String> reasons) {
        String accused = p.accusedUnitCode();
        Optional<DirectoryUnit> accusedUnit = directory.unit(accused);
        Predicate<DirectoryUnit> notAccused = unit -> accused == null || !directory.isSelfOrUnder(unit.code(), accused);
        Predicate<DirectoryUnit> eligible = allowed.and(notAccused);
        if (accused != null) {
            reasons.add("保护检举人: never to the accused unit " + accusedUnit.map(DirectoryUnit::label).orElse(accused)
                    + (accusedUnit.isPresent() ? " or any unit under it" : " (not in the directory)"));
        }
        String from = accusedUnit.map(DirectoryUnit::localityCode).orElse(p.localityCode());
        for (String level : Localities.selfAndAncestors(from)) {
            Optional<DirectoryUnit> body = directory.disciplineBodies(level).stream().filter(eligible).findFirst();
            if (body.isPresent()) {
                reasons.add("检举控告: accusations go to the discipline inspection body (纪检监察) "
                        + (accusedUnit.isPresent() ? "at the accused unit's level or above: " : "of the locality: ")
                        + body.get().label());
                return body.get();
            }
        }
        CompetentUnits.Match match = CompetentUnits.lowest(directory, p.localityCode(), p.subjectCategory(), eligible);
        if (match == null || match.ambiguous()) {
            reasons.add("检举控告: no discipline inspection body and no other competent unit outside the accused unit's"
                    + " line for " + directory.divisionLabel(from) + ", waiting for a dispatcher");
            return null;
        }
        reasons.add("检举控告: no discipline inspection body for " + directory.divisionLabel(from) + ", "
                + CompetentUnits.explain(directory, p.localityCode(), p.subjectCategory(), match));
        return match.unit();
    }
}
