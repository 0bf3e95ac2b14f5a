package org.openpetition.routing.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.openpetition.routing.RoutingDecision.Outcome;
import org.openpetition.routing.config.RoutingConfig;
import org.openpetition.routing.directory.Directory;
import org.openpetition.routing.directory.DirectoryLeader;
import org.openpetition.routing.directory.DirectoryUnit;
import org.openpetition.routing.directory.Localities;

/**
 * The routing rules, in this order, over an in-memory snapshot of the directory (no I/O):
 * <ol>
 * <li>the petition's locality must be a known division code, else the dispatcher decides;</li>
 * <li>诉访分离: a matter for litigation, arbitration, administrative reconsideration or in judicial
 * proceedings is diverted with the legal channel's guidance;</li>
 * <li>检举控告: an accusation goes to the discipline inspection body (纪委监委) at the accused unit's level
 * or above, never to the accused unit or any unit under it (保护检举人);</li>
 * <li>属地管理、分级负责 + 谁主管、谁负责: otherwise the unit at the lowest level of the locality chain
 * whose remit covers the subject, exactly or through its group; two equally competent units: the
 * dispatcher decides;</li>
 * <li>越级: addressed more than the allowed levels above the competent one: flagged skip-level, referred down;</li>
 * <li>领导包案: collective petitions and matters of three or more households get an owning leader.</li>
 * </ol>
 * Units that returned the case (退回) are never chosen again. Whatever no rule decides goes to the
 * dispatcher's queue with the reasons so far.
 */
@ApplicationScoped
public class RoutingRules {

    private final int allowedLevelsAbove;

    @Inject
    public RoutingRules(RoutingConfig config) {
        this(config.skipLevel().allowedLevelsAbove());
    }

    public RoutingRules(int allowedLevelsAbove) {
        this.allowedLevelsAbove = allowedLevelsAbove;
    }

    public Decision decide(PetitionFacts p, Set<String> returnedBy, Directory directory) {
        List<String> reasons = new ArrayList<>();
        if (!directory.knowsLocality(p.localityCode())) {
            return queue(reasons, "行政区划代码 " + p.localityCode() + " 不在目录中 / the division code " + p.localityCode()
                    + " is not in the directory, waiting for a dispatcher");
        }
        if (!directory.knowsDivision(p.localityCode())) {
            reasons.add("行政区划: the villages of " + directory.divisionLabel(Localities.parent(p.localityCode()))
                    + " are not imported; routed from the village code's township");
        }
        Optional<LegalChannel> channel = LegalChannel.of(p.subjectCategory());
        if (channel.isPresent()) {
            reasons.add("诉访分离: " + p.subjectCategory() + " belongs to the legal channel " + channel.get()
                    + ", not accepted as a petition; the petitioner is told: " + channel.get().guidance());
            return new Decision(Outcome.DIVERTED, null, null, false, channel.get(), reasons);
        }
        if (!returnedBy.isEmpty()) {
            reasons.add("退回: routed again without " + String.join(", ", returnedBy.stream().sorted().toList()));
        }
        Predicate<DirectoryUnit> allowed = unit -> !returnedBy.contains(unit.code());
        DirectoryUnit unit = p.isAccusation() ? AccusationRule.choose(directory, p, allowed, reasons)
                : competent(directory, p, allowed, reasons);
        if (unit == null) {
            return queue(reasons, null);
        }
        boolean skipLevel = skipLevel(directory, p, unit, reasons);
        DirectoryLeader leader = null;
        if (p.needsOwningLeader()) {
            leader = owningLeader(directory, unit.localityCode(), p.accusedLeaderId());
            String why = p.collective() ? "collective petition (集体访)" : p.households() + " households";
            if (leader == null) {
                return queue(reasons, "领导包案: a " + why + " needs an owning leader and no leader of "
                        + directory.divisionLabel(unit.localityCode()) + " or above is in the directory, waiting for a dispatcher");
            }
            reasons.add("领导包案: " + why + ", owned by " + leader.label());
        }
        return new Decision(Outcome.ASSIGNED, unit, leader, skipLevel, null, reasons);
    }

    private static DirectoryUnit competent(Directory directory, PetitionFacts p, Predicate<DirectoryUnit> allowed,
                                           List<String> reasons) {
        CompetentUnits.Match match = CompetentUnits.lowest(directory, p.localityCode(), p.subjectCategory(), allowed);
        if (match == null) {
            reasons.add("no unit of " + directory.divisionLabel(p.localityCode()) + " or above is competent for "
                    + p.subjectCategory() + ", waiting for a dispatcher");
            return null;
        }
        if (match.ambiguous()) {
            reasons.add("谁主管、谁负责: " + String.join(", ", match.units().stream().map(DirectoryUnit::label).toList())
                    + " are equally competent for " + p.subjectCategory() + " at " + directory.divisionLabel(match.locality())
                    + ", waiting for a dispatcher to choose");
            return null;
        }
        reasons.add(CompetentUnits.explain(directory, p.localityCode(), p.subjectCategory(), match));
        return match.unit();
    }

    /** 越级: flags a petition addressed more than the allowed levels above the competent level. */
    private boolean skipLevel(Directory directory, PetitionFacts p, DirectoryUnit unit, List<String> reasons) {
        String addressed = p.addressedToLocality();
        if (addressed == null) {
            return false;
        }
        String competent = unit.localityCode();
        if (!directory.knowsDivision(addressed)) {
            reasons.add("越级: the addressed division " + addressed + " is not in the directory; skip-level not judged");
            return false;
        }
        if (!Localities.isSelfOrAncestor(addressed, competent) || addressed.equals(competent)) {
            reasons.add("逐级走访: addressed to " + directory.divisionLabel(addressed) + ", not above the competent level");
            return false;
        }
        int above = Localities.level(competent) - Localities.level(addressed);
        if (above <= allowedLevelsAbove) {
            reasons.add("逐级走访: addressed to " + directory.divisionLabel(addressed) + ", " + above
                    + " level(s) above the competent level, which is allowed: referred down, not skip-level");
            return false;
        }
        reasons.add("越级: addressed to " + directory.divisionLabel(addressed) + ", " + above + " levels above the competent "
                + directory.divisionLabel(competent) + " (逐级走访 allows " + allowedLevelsAbove
                + "), referred down to the competent level and counted as skip-level");
        return true;
    }

    /** The first leader up the locality chain, never the accused official of an accusation. */
    private static DirectoryLeader owningLeader(Directory directory, String locality, String accusedLeaderId) {
        for (String level : Localities.selfAndAncestors(locality)) {
            Optional<DirectoryLeader> leader = directory.leadersAt(level).stream()
                    .filter(l -> !l.id().equals(accusedLeaderId)).findFirst();
            if (leader.isPresent()) {
                return leader.get();
            }
        }
        return null;
    }

    private static Decision queue(List<String> reasons, String reason) {
        if (reason != null) {
            reasons.add(reason);
        }
        return new Decision(Outcome.DISPATCHER_QUEUE, null, null, false, null, reasons);
    }
}
