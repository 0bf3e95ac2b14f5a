package org.openpetition.routing.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.openpetition.contracts.event.PetitionSubmittedV1;
import org.openpetition.routing.Department;
import org.openpetition.routing.RoutingDecision;
import org.openpetition.routing.RoutingDecision.Outcome;
import org.openpetition.routing.repository.DepartmentRepository;

/**
 * The routing rules, in order. First rule (属地管理、分级负责 + 谁主管、谁负责): the department
 * at the lowest level of the petition's locality chain whose remit covers the subject. A repeat
 * petition is linked to its earlier case instead of being assigned again. An accusation never goes to
 * the unit it accuses. Anything
 * that cannot be decided goes to the dispatcher's queue with the reason.
 */
@ApplicationScoped
public class RoutingRules {

    private final DepartmentRepository departments;

    public RoutingRules(DepartmentRepository departments) {
        this.departments = departments;
    }

    public Uni<RoutingDecision> decide(PetitionSubmittedV1 petition) {
        if (petition.repeatOfCaseId() != null) {
            return Uni.createFrom().item(linked(petition));
        }
        List<String> chain = Localities.selfAndAncestors(petition.localityCode());
        String accused = accusedUnit(petition);
        return departments.competentFor(chain, petition.subjectCategory())
                .map(candidates -> candidates.stream()
                        .filter(d -> !d.code.equals(accused)) // 检举控告: never to the accused unit
                        .max(Comparator.comparingInt((Department d) -> d.localityCode.length())
                                .thenComparing(d -> d.code, Comparator.reverseOrder()))
                        .map(department -> assigned(petition, department))
                        .orElseGet(() -> accused != null ? queuedAccusation(petition, accused) : queued(petition, chain)));
    }

    /** The accused unit's code for an accusation that names one, else null. */
    private static String accusedUnit(PetitionSubmittedV1 petition) {
        return "ACCUSATION".equals(petition.kind()) && petition.accused() != null ? petition.accused().unitCode() : null;
    }

    /**
     * The only competent unit is the accused one: the material must not reach it (保护检举人). A
     * dispatcher sends it to the discipline inspection body (the full rule comes with the directory's
     * discipline bodies and supervising chains).
     */
    private static RoutingDecision queuedAccusation(PetitionSubmittedV1 petition, String accused) {
        RoutingDecision decision = base(petition);
        decision.outcome = Outcome.DISPATCHER_QUEUE;
        decision.reason = "检举控告: the only competent department is the accused unit " + accused
                + ", which must never receive the material; waiting for a dispatcher to send it to the discipline"
                + " inspection body";
        return decision;
    }

    private static RoutingDecision assigned(PetitionSubmittedV1 petition, Department department) {
        RoutingDecision decision = base(petition);
        decision.outcome = Outcome.ASSIGNED;
        decision.departmentCode = department.code;
        decision.competentLocalityCode = department.localityCode;
        decision.reason = "属地管理、分级负责: " + department.localityCode
                + (department.localityCode.equals(petition.localityCode()) ? " is the petition's own locality"
                        : " is the lowest level above " + petition.localityCode() + " with a competent department")
                + "; 谁主管、谁负责: " + department.name + " (" + department.code + ") is competent for "
                + petition.subjectCategory();
        return decision;
    }

    /** 重复访: the earlier case stays with its department; no new assignment. */
    private static RoutingDecision linked(PetitionSubmittedV1 petition) {
        RoutingDecision decision = base(petition);
        decision.outcome = Outcome.LINKED_TO_EARLIER_CASE;
        decision.repeatOfCaseId = petition.repeatOfCaseId();
        decision.reason = "重复信访: the same petitioner on the same matter as case " + petition.repeatOfCaseId()
                + ", which its department handles; not assigned again";
        return decision;
    }

    private static RoutingDecision queued(PetitionSubmittedV1 petition, List<String> chain) {
        RoutingDecision decision = base(petition);
        decision.outcome = Outcome.DISPATCHER_QUEUE;
        decision.reason = "no department in " + String.join(" > ", chain) + " is competent for "
                + petition.subjectCategory() + "; waiting for a dispatcher";
        return decision;
    }

    private static RoutingDecision base(PetitionSubmittedV1 petition) {
        RoutingDecision decision = new RoutingDecision();
        decision.caseId = petition.caseId();
        decision.trackingCode = petition.trackingCode();
        decision.petitionLocalityCode = petition.localityCode();
        decision.subjectCategory = petition.subjectCategory();
        decision.receivedAt = petition.receivedAt();
        decision.decidedAt = Instant.now();
        return decision;
    }
}
