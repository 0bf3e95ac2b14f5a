package org.openpetition.routing.service;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.openpetition.routing.directory.Directory;
import org.openpetition.routing.directory.DirectoryUnit;
import org.openpetition.routing.directory.Localities;

/**
 * 检举控告: an accusation goes to the discipline inspection body (纪委监委) at the accused unit's level or
 * above; an accused unit the directory does not know (by code or name, {@link AccusedResolver}) leaves the
 * discipline body of the petition's locality, never a unit chosen by subject. 保护检举人: never to the
 * accused unit or any unit under it (a unit whose chain of supervising bodies reaches the accused unit).
 * Only when the accused unit is known and no discipline body outside its line exists, the competent unit
 * outside that line. The reasons never name the accused: they travel on topics outside the platform.
 */
final class AccusationRule {

    private AccusationRule() {
    }

    static DirectoryUnit choose(Directory directory, PetitionFacts p, Predicate<DirectoryUnit> allowed, List<String> reasons) {
        String accused = p.accusedUnitCode();
        Optional<DirectoryUnit> accusedUnit = directory.unit(accused);
        Predicate<DirectoryUnit> notAccused = unit -> accused == null || !directory.isSelfOrUnder(unit.code(), accused);
        Predicate<DirectoryUnit> eligible = allowed.and(notAccused);
        reasons.add(accusedUnit.isPresent() ? "保护检举人: the accused unit's line is excluded"
                : "保护检举人: the accused unit is not in the directory; the discipline inspection body decides");
        String from = accusedUnit.map(DirectoryUnit::localityCode).orElse(p.localityCode());
        for (String level : Localities.selfAndAncestors(from)) {
            Optional<DirectoryUnit> body = directory.disciplineBodies(level).stream().filter(eligible).findFirst();
            if (body.isPresent()) {
                reasons.add("检举控告: accusations go to the discipline inspection body (纪检监察): " + body.get().label());
                return body.get();
            }
        }
        if (accusedUnit.isEmpty()) {
            reasons.add("检举控告: no discipline inspection body for " + directory.divisionLabel(from)
                    + ", waiting for a dispatcher");
            return null;
        }
        CompetentUnits.Match match = CompetentUnits.lowest(directory, p.localityCode(), p.subjectCategory(), eligible);
        if (match == null || match.ambiguous()) {
            reasons.add("检举控告: no discipline inspection body and no other competent unit outside the accused unit's"
                    + " line, waiting for a dispatcher");
            return null;
        }
        reasons.add("检举控告: no discipline inspection body outside the accused unit's line, "
                + CompetentUnits.explain(directory, p.localityCode(), p.subjectCategory(), match));
        return match.unit();
    }
}
