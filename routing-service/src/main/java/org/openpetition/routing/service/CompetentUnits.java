package org.openpetition.routing.service;

import java.util.List;
import java.util.function.Predicate;
import org.openpetition.contracts.taxonomy.SubjectCategories;
import org.openpetition.routing.directory.Directory;
import org.openpetition.routing.directory.DirectoryUnit;
import org.openpetition.routing.directory.Localities;
import org.openpetition.routing.words.Labels;
import org.openpetition.routing.words.RoutingMessages;

/**
 * 属地管理、分级负责 + 谁主管、谁负责: the units at the lowest level of a locality chain whose remit
 * covers the subject category, exactly or through its group (the taxonomy's lineage).
 */
final class CompetentUnits {

    private static final SubjectCategories TAXONOMY = SubjectCategories.shipped();

    /** What was found: one unit, or several equally competent ones (ambiguous), at a locality. */
    record Match(List<DirectoryUnit> units, String locality, String category) {
        boolean ambiguous() {
            return units.size() > 1;
        }

        DirectoryUnit unit() {
            return units.get(0);
        }
    }

    private CompetentUnits() {
    }

    /** The lowest match on the chain of {@code locality}, or null if no allowed unit is competent. */
    static Match lowest(Directory directory, String locality, String category, Predicate<DirectoryUnit> allowed) {
        List<String> lineage = TAXONOMY.lineage(category);
        if (lineage.isEmpty()) {
            lineage = List.of(category);
        }
        for (String level : Localities.selfAndAncestors(locality)) {
            for (String covered : lineage) {
                List<DirectoryUnit> units = directory.competent(level, covered);
                if (units.isEmpty()) {
                    continue;
                }
                List<DirectoryUnit> candidates = units.stream().filter(allowed).toList();
                if (!candidates.isEmpty()) {
                    return new Match(candidates, level, covered);
                }
            }
        }
        return null;
    }

    /** Why this unit, readable by a person, in the language of the bundle and labels given. */
    static String explain(RoutingMessages m, Labels l, String petitionLocality, String category, Match match) {
        String level = match.locality().equals(petitionLocality) ? m.ownLocality(l.place(match.locality()))
                : m.lowestLevelAbove(l.place(match.locality()), l.place(petitionLocality));
        String remit = match.category().equals(category) ? m.remitExact(l.category(category))
                : m.remitThroughGroup(l.category(category), l.category(match.category()));
        return m.competent(level, l.unit(match.unit()), remit);
    }
}
