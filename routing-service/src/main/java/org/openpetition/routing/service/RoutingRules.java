package org.openpetition.routing.service;

import jakarta.enterprise.context.ApplicationScoped;
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
import org.openpetition.routing.words.RoutingWords;
import org.openpetition.routing.words.Words;

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
 * dispatcher's queue with the reasons so far. Each reason is a whole Chinese and a whole English text
 * ({@link RoutingWords}).
 */
@ApplicationScoped
public class RoutingRules {

    private final int allowedLevelsAbove;
    private final RoutingWords words;

    public RoutingRules(RoutingConfig config, RoutingWords words) {
        this.allowedLevelsAbove = config.skipLevel().allowedLevelsAbove();
        this.words = words;
    }

    public Decision decide(PetitionFacts p, Set<String> returnedBy, Directory directory) {
        List<Words> reasons = new ArrayList<>();
        if (!directory.knowsLocality(p.localityCode())) {
            return queue(reasons, words.say((m, l) -> m.unknownLocality(p.localityCode())));
        }
        if (!directory.knowsDivision(p.localityCode())) {
            reasons.add(words.say(directory, (m, l) -> m.villagesNotImported(l.place(Localities.parent(p.localityCode())))));
        }
        Optional<LegalChannel> channel = LegalChannel.of(p.subjectCategory());
        if (channel.isPresent()) {
            reasons.add(words.say((m, l) -> m.diverted(l.category(p.subjectCategory()), m.channel(channel.get()),
                    m.guidance(channel.get()))));
            return new Decision(Outcome.DIVERTED, null, null, false, channel.get(), reasons);
        }
        if (!returnedBy.isEmpty()) {
            reasons.add(words.say((m, l) -> m.routedAgainWithout(l.list(returnedBy.stream().sorted().toList()))));
        }
        Predicate<DirectoryUnit> allowed = unit -> !returnedBy.contains(unit.code());
        DirectoryUnit unit = p.isAccusation() ? AccusationRule.choose(directory, p, allowed, reasons, words)
                : competent(directory, p, allowed, reasons);
        if (unit == null) {
            return queue(reasons, null);
        }
        boolean skipLevel = skipLevel(directory, p, unit, reasons);
        DirectoryLeader leader = null;
        if (p.needsOwningLeader()) {
            leader = owningLeader(directory, unit.localityCode(), p.accusedLeaderId());
            RoutingWords.Phrase why = p.collective() ? (m, l) -> m.collective() : (m, l) -> m.households(p.households());
            if (leader == null) {
                return queue(reasons, words.say(directory, (m, l) -> m.noOwningLeader(why.in(m, l),
                        l.place(unit.localityCode()))));
            }
            DirectoryLeader owner = leader;
            reasons.add(words.say(directory, (m, l) -> m.ownedBy(why.in(m, l), l.leader(owner))));
        }
        return new Decision(Outcome.ASSIGNED, unit, leader, skipLevel, null, reasons);
    }

    private DirectoryUnit competent(Directory directory, PetitionFacts p, Predicate<DirectoryUnit> allowed,
                                    List<Words> reasons) {
        CompetentUnits.Match match = CompetentUnits.lowest(directory, p.localityCode(), p.subjectCategory(), allowed);
        if (match == null) {
            reasons.add(words.say(directory, (m, l) -> m.noCompetentUnit(l.place(p.localityCode()),
                    l.category(p.subjectCategory()))));
            return null;
        }
        if (match.ambiguous()) {
            reasons.add(words.say(directory, (m, l) -> m.equallyCompetent(l.units(match.units()),
                    l.category(p.subjectCategory()), l.place(match.locality()))));
            return null;
        }
        reasons.add(words.say(directory, (m, l) -> CompetentUnits.explain(m, l, p.localityCode(), p.subjectCategory(), match)));
        return match.unit();
    }

    /** 越级: flags a petition addressed more than the allowed levels above the competent level. */
    private boolean skipLevel(Directory directory, PetitionFacts p, DirectoryUnit unit, List<Words> reasons) {
        String addressed = p.addressedToLocality();
        if (addressed == null) {
            return false;
        }
        String competent = unit.localityCode();
        if (!directory.knowsDivision(addressed)) {
            reasons.add(words.say((m, l) -> m.addressedUnknown(addressed)));
            return false;
        }
        if (!Localities.isSelfOrAncestor(addressed, competent) || addressed.equals(competent)) {
            reasons.add(words.say(directory, (m, l) -> m.addressedNotAbove(l.place(addressed))));
            return false;
        }
        int above = Localities.level(competent) - Localities.level(addressed);
        if (above <= allowedLevelsAbove) {
            reasons.add(words.say(directory, (m, l) -> m.addressedAllowedAbove(l.place(addressed), above)));
            return false;
        }
        reasons.add(words.say(directory, (m, l) -> m.skipLevel(l.place(addressed), above, l.place(competent),
                allowedLevelsAbove)));
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

    private static Decision queue(List<Words> reasons, Words reason) {
        if (reason != null) {
            reasons.add(reason);
        }
        return new Decision(Outcome.DISPATCHER_QUEUE, null, null, false, null, reasons);
    }
}
