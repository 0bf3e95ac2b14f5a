package org.openpetition.routing.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;
import org.openpetition.contracts.event.PetitionSubmittedV1;
import org.openpetition.platform.inbox.ProcessedEvents;
import org.openpetition.platform.outbox.OutboxEvent;
import org.openpetition.platform.outbox.OutboxRelay;
import org.openpetition.platform.outbox.OutboxWriter;
import org.openpetition.routing.RoutingDecision;
import org.openpetition.routing.RoutingDecision.Outcome;
import org.openpetition.routing.directory.Directory;
import org.openpetition.routing.directory.DirectoryIndex;
import org.openpetition.routing.repository.RoutingDecisionRepository;
import org.openpetition.routing.words.RoutingWords;
import org.openpetition.routing.words.Words;

/**
 * Routes submitted petitions once: the decisions, the processed-event marks and the events
 * (case.assigned.v1 or case.diverted.v1) are committed together, so a redelivered event changes nothing.
 * There is one path: a poll is routed as a batch, and a single event is a batch of one.
 */
@ApplicationScoped
public class PetitionRouting {

    static final String CONSUMER = "routing-service";
    private static final Logger LOG = Logger.getLogger(PetitionRouting.class);

    private final RoutingRules rules;
    private final DirectoryIndex index;
    private final RoutingDecisionRepository decisions;
    private final ProcessedEvents processed;
    private final RoutingEvents events;
    private final OutboxRelay relay;
    private final OutboxWriter outbox;
    private final RoutingWords words;

    public PetitionRouting(RoutingRules rules, DirectoryIndex index, RoutingDecisionRepository decisions,
                           ProcessedEvents processed, RoutingEvents events, OutboxRelay relay, OutboxWriter outbox,
                           RoutingWords words) {
        this.words = words;
        this.outbox = outbox;
        this.rules = rules;
        this.index = index;
        this.decisions = decisions;
        this.processed = processed;
        this.events = events;
        this.relay = relay;
    }

    /**
     * Routes the petitions of one poll in one transaction: the decisions, the processed-event marks and the
     * events, stored in a few statements for the lot. An event delivered before (or twice in the poll) is
     * applied once. If anything fails, nothing is committed (the caller then routes each on its own, as a
     * batch of one).
     */
    public Uni<Void> routeAll(List<Submitted> submitted) {
        return processed.applyOnceEach(CONSUMER, submitted.stream().map(Submitted::eventId).toList(), first -> {
                    Directory directory = index.current();
                    Set<String> pending = new HashSet<>(first);
                    List<RoutingDecision> decided = new ArrayList<>();
                    for (Submitted s : submitted) {
                        if (pending.remove(s.eventId())) {
                            decided.add(decide(s.petition(), directory));
                        }
                    }
                    List<OutboxEvent> outgoing = decided.stream().flatMap(d -> events.events(d, directory, null).stream())
                            .toList();
                    if (decided.isEmpty()) {
                        return Uni.createFrom().voidItem(); // every one applied before: a redelivered poll
                    }
                    return decisions.persist(decided).chain(() -> outbox.appendAll(outgoing))
                            .invoke(() -> decided.forEach(PetitionRouting::logDecision));
                })
                .invoke(relay::trigger);
    }

    /** A petition.submitted.v1 event as read: its CloudEvents id and data. */
    public record Submitted(String eventId, PetitionSubmittedV1 petition) {
    }

    private RoutingDecision decide(PetitionSubmittedV1 petition, Directory directory) {
        RoutingDecision decision = base(petition, directory);
        if (petition.repeatOfCaseId() != null) {
            linked(decision, petition, words);
        } else {
            apply(decision, rules.decide(decision.facts(), Set.of(), directory), RoutingDecision.DECIDED_BY_RULES);
        }
        return decision;
    }

    private static void logDecision(RoutingDecision d) {
        LOG.infof("case %s: %s %s", d.caseId, d.outcome, d.departmentCode == null ? "" : d.departmentCode);
    }

    /** Writes what the rules decided into the case's decision. */
    static void apply(RoutingDecision d, Decision decision, String decidedBy) {
        d.outcome = decision.outcome();
        d.departmentCode = decision.unit() == null ? null : decision.unit().code();
        d.competentLocalityCode = decision.unit() == null ? null : decision.unit().localityCode();
        d.owningLeaderId = decision.owningLeader() == null ? null : decision.owningLeader().id();
        d.skipLevel = decision.skipLevel();
        d.legalChannel = decision.legalChannel() == null ? null : decision.legalChannel().name();
        d.acceptanceDue = null;
        d.decidedBy = decidedBy;
        d.explain(Words.join(decision.reasons()));
        d.decidedAt = Instant.now();
    }

    /** 重复访: the earlier case stays with its department; no new assignment. */
    private static void linked(RoutingDecision d, PetitionSubmittedV1 petition, RoutingWords words) {
        d.outcome = Outcome.LINKED_TO_EARLIER_CASE;
        d.repeatOfCaseId = petition.repeatOfCaseId();
        d.explain(words.say((m, l) -> m.repeat(petition.repeatOfCaseId().toString())));
        d.decidedAt = Instant.now();
    }

    private static RoutingDecision base(PetitionSubmittedV1 petition, Directory directory) {
        PetitionFacts facts = PetitionFacts.of(petition, "ACCUSATION".equals(petition.kind())
                ? AccusedResolver.resolve(directory, petition.accused(), petition.localityCode()) : AccusedResolver.Resolved.NOBODY);
        RoutingDecision d = new RoutingDecision();
        d.caseId = petition.caseId();
        d.trackingCode = petition.trackingCode();
        d.petitionLocalityCode = petition.localityCode();
        d.subjectCategory = petition.subjectCategory();
        d.receivedAt = petition.receivedAt();
        d.kind = facts.kind();
        d.accusedUnitCode = facts.accusedUnitCode();
        d.accusedLeaderId = facts.accusedLeaderId();
        d.addressedToLocality = facts.addressedToLocality();
        d.collective = facts.collective();
        d.households = facts.households();
        return d;
    }
}
