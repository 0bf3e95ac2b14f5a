package org.openpetition.routing.service;

import org.openpetition.contracts.rules.BeijingTime;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.openpetition.platform.security.CaseScope;
import org.openpetition.platform.security.Caller;
import org.openpetition.platform.outbox.OutboxRelay;
import org.openpetition.platform.problem.FieldException;
import org.openpetition.platform.problem.ProblemException;
import org.openpetition.routing.CaseReturn;
import org.openpetition.routing.RoutingDecision;
import org.openpetition.routing.RoutingDecision.Outcome;
import org.openpetition.routing.config.RoutingConfig;
import org.openpetition.routing.directory.Directory;
import org.openpetition.routing.directory.DirectoryIndex;
import org.openpetition.routing.directory.DirectoryLeader;
import org.openpetition.routing.directory.DirectoryUnit;
import org.openpetition.routing.repository.CaseReturnRepository;
import org.openpetition.routing.repository.RoutingDecisionRepository;
import org.openpetition.routing.words.RoutingWords;
import org.openpetition.routing.words.Words;

/**
 * People in the loop. A dispatcher assigns a case to a unit (reassignment, 交办 with a deadline, or
 * resolving the queue); a unit returns a case assigned to it by mistake (退回), and the case is routed
 * again without every unit that returned it, up to the return limit. Each action locks the case.
 */
@ApplicationScoped
public class CaseActions {

    private final RoutingDecisionRepository decisions;
    private final CaseReturnRepository returns;
    private final RoutingWords words;
    private final DirectoryIndex index;
    private final RoutingRules rules;
    private final RoutingEvents events;
    private final OutboxRelay relay;
    private final int maxReturns;

    public CaseActions(RoutingDecisionRepository decisions, CaseReturnRepository returns, RoutingWords words,
                       DirectoryIndex index, RoutingRules rules, RoutingEvents events, OutboxRelay relay,
                       RoutingConfig config) {
        this.decisions = decisions;
        this.returns = returns;
        this.words = words;
        this.index = index;
        this.rules = rules;
        this.events = events;
        this.relay = relay;
        this.maxReturns = config.returns().max();
    }

    /** What a dispatcher decides. */
    public record Assignment(String departmentCode, String reason, LocalDate acceptanceDue, String owningLeaderId) {
    }

    /**
     * A dispatcher assigns the case to a unit. Only a dispatcher whose area covers the case may (404
     * otherwise, as if the case did not exist), and only to a unit and a leader of its own area.
     */
    public Uni<RoutingDecision> assign(UUID caseId, Assignment a, Caller dispatcher) {
        Directory directory = index.current();
        DirectoryUnit unit = directory.unit(a.departmentCode()).orElseThrow(() -> FieldException.of("departmentCode",
                "目录中没有该单位 / no unit " + a.departmentCode() + " in the directory"));
        if (a.acceptanceDue() != null && a.acceptanceDue().isBefore(LocalDate.now(BeijingTime.ZONE))) {
            throw FieldException.of("acceptanceDue", "交办期限不能早于今天 / the deadline cannot be in the past");
        }
        DirectoryLeader chosenLeader = a.owningLeaderId() == null ? null : directory.leader(a.owningLeaderId())
                .orElseThrow(() -> FieldException.of("owningLeaderId", "目录中没有该领导 / no leader " + a.owningLeaderId()));
        return Panache.withTransaction(() -> locked(caseId).chain(d -> CaseScopeFacts.load(d, directory, returns).map(facts -> {
            if (!CaseScope.mayDispatch(dispatcher, facts)) {
                throw new NotFoundException("no routing decision for case " + caseId);
            }
            if (!dispatcher.area().covers(unit.localityCode())) {
                throw FieldException.of("departmentCode", "只能交办本辖区的单位 / the unit " + unit.code()
                        + " is outside the dispatcher's area");
            }
            if (chosenLeader != null && !dispatcher.area().covers(chosenLeader.localityCode())) {
                throw FieldException.of("owningLeaderId", "只能由本辖区的领导包案 / the leader " + chosenLeader.id()
                        + " is outside the dispatcher's area");
            }
            return d;
        })).chain(d -> {
            if (d.outcome == Outcome.LINKED_TO_EARLIER_CASE) {
                throw ProblemException.conflict("重复信访随原案办理 / a repeat petition stays with its earlier case "
                        + d.repeatOfCaseId);
            }
            if (d.accusedUnitCode != null && directory.isSelfOrUnder(unit.code(), d.accusedUnitCode)) {
                throw FieldException.of("departmentCode", "检举控告不得交被检举单位或其下属单位 / an accusation never goes to"
                        + " the accused unit " + d.accusedUnitCode + " or a unit under it");
            }
            if (chosenLeader != null && chosenLeader.id().equals(d.accusedLeaderId)) {
                throw FieldException.of("owningLeaderId", "被检举人不得包案 / the accused official never owns the accusation");
            }
            String former = d.outcome == Outcome.ASSIGNED ? d.departmentCode : null;
            DirectoryLeader leader = chosenLeader != null ? chosenLeader
                    : directory.leader(d.owningLeaderId).orElse(null);
            d.outcome = Outcome.ASSIGNED;
            d.departmentCode = unit.code();
            d.competentLocalityCode = unit.localityCode();
            d.owningLeaderId = leader == null ? null : leader.id();
            d.acceptanceDue = a.acceptanceDue();
            d.legalChannel = null;
            d.decidedBy = RoutingDecision.DECIDED_BY_DISPATCHER;
            List<Words> why = new ArrayList<>();
            why.add(words.say(directory, (m, l) -> a.acceptanceDue() == null
                    ? m.dispatcherReferred(dispatcher.user(), l.unit(unit))
                    : m.dispatcherAssignedWithDeadline(dispatcher.user(), l.unit(unit), a.acceptanceDue().toString())));
            why.add(Words.typed(a.reason()));
            if (leader != null) {
                why.add(words.say(directory, (m, l) -> m.dispatcherOwnedBy(l.leader(leader))));
            }
            d.explain(Words.join(why));
            d.decidedAt = Instant.now();
            return events.publish(d, directory, former).replaceWith(d);
        })).invoke(relay::trigger);
    }

    /**
     * 退回: a handler of the unit the case is assigned to returns it with its reason; to any other caller
     * the case does not exist (404).
     */
    public Uni<RoutingDecision> returnCase(UUID caseId, String reason, Caller handler) {
        Directory directory = index.current();
        return Panache.withTransaction(() -> locked(caseId).chain(d -> {
            if (!CaseScope.mayHandle(handler, CaseScopeFacts.of(d, Set.of(), directory))) {
                throw new NotFoundException("no routing decision for case " + caseId);
            }
            if (d.returnCount >= maxReturns) {
                throw ProblemException.conflict("退回次数已达上限 " + maxReturns + " / the case has been returned "
                        + d.returnCount + " times, the limit; ask the dispatcher");
            }
            DirectoryUnit returning = directory.unit(d.departmentCode).orElseThrow();
            CaseReturn entry = CaseReturn.of(caseId, returning.code(), reason, handler.user());
            return returns.ofCase(caseId)
                    .call(() -> returns.persist(entry))
                    .chain(earlier -> {
                        List<CaseReturn> all = new ArrayList<>(earlier);
                        all.add(entry);
                        return reroute(d, all, returning, reason, directory, entry.returnedAt);
                    });
        })).invoke(relay::trigger);
    }

    private Uni<RoutingDecision> reroute(RoutingDecision d, List<CaseReturn> returns, DirectoryUnit returning, String reason,
                                         Directory directory, Instant at) {
        d.returnCount = returns.size();
        Set<String> returnedBy = new HashSet<>();
        returns.forEach(r -> returnedBy.add(r.departmentCode));
        Words returned = words.say(directory, (m, l) -> m.returnedBy(l.unit(returning), d.returnCount, maxReturns,
                Words.typed(reason).zh()));
        if (d.returnCount >= maxReturns) {
            d.outcome = Outcome.DISPATCHER_QUEUE;
            d.departmentCode = null;
            d.competentLocalityCode = null;
            d.acceptanceDue = null;
            d.decidedBy = RoutingDecision.DECIDED_BY_RULES;
            d.explain(Words.join(List.of(returned, words.say((m, l) -> m.returnLimitReached()))));
            d.decidedAt = at;
        } else {
            Decision decision = rules.decide(d.facts(), returnedBy, directory);
            PetitionRouting.apply(d, decision, RoutingDecision.DECIDED_BY_RULES);
            List<Words> why = new ArrayList<>();
            why.add(returned);
            why.addAll(decision.reasons());
            d.explain(Words.join(why));
        }
        return events.returned(d, returning, reason, maxReturns, at)
                .chain(() -> events.publish(d, directory, returning.code()))
                .replaceWith(d);
    }

    private Uni<RoutingDecision> locked(UUID caseId) {
        return decisions.lockedForUpdate(caseId)
                .onItem().ifNull().failWith(() -> new NotFoundException("no routing decision for case " + caseId));
    }
}
