package org.openpetition.routing.service;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.openpetition.routing.directory.Directory;
import org.openpetition.routing.directory.DirectoryUnit;
import org.openpetition.routing.directory.Localities;
import org.openpetition.routing.words.RoutingWords;
import org.openpetition.routing.words.Words;

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

    static DirectoryUnit choose(Directory directory, PetitionFacts p, Predicate<DirectoryUnit> allowed, List<Words> reasons,
                                RoutingWords words) {
        String accused = p.accusedUnitCode();
        Optional<DirectoryUnit> accusedUnit = directory.unit(accused);
        Predicate<DirectoryUnit> notAccused = unit -> accused == null || !directory.isSelfOrUnder(unit.code(), accused);
        Predicate<DirectoryUnit> eligible = allowed.and(notAccused);
        reasons.add(words.say(accusedUnit.isPresent() ? (m, l) -> m.accusedLineExcluded() : (m, l) -> m.accusedUnknown()));
        String from = accusedUnit.map(DirectoryUnit::localityCode).orElse(p.localityCode());
        for (String level : Localities.selfAndAncestors(from)) {
            Optional<DirectoryUnit> body = directory.disciplineBodies(level).stream().filter(eligible).findFirst();
            if (body.isPresent()) {
                reasons.add(words.say(directory, (m, l) -> m.toDisciplineBody(l.unit(body.get()))));
                return body.get();
            }
        }
        if (accusedUnit.isEmpty()) {
            reasons.add(words.say(directory, (m, l) -> m.noDisciplineBody(l.place(from))));
            return null;
        }
        CompetentUnits.Match match = CompetentUnits.lowest(directory, p.localityCode(), p.subjectCategory(), eligible);
        if (match == null || match.ambiguous()) {
            reasons.add(words.say((m, l) -> m.noDisciplineBodyNorOtherUnit()));
            return null;
        }
        reasons.add(words.say(directory, (m, l) -> m.noDisciplineBodyOtherUnit(
                CompetentUnits.explain(m, l, p.localityCode(), p.subjectCategory(), match))));
        return match.unit();
    }
}
