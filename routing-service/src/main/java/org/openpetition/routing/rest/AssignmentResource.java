package org.openpetition.routing.rest;

import static org.openpetition.platform.security.Roles.*;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openpetition.platform.problem.Problem;
import org.openpetition.platform.security.DepartmentScope;
import org.openpetition.routing.RoutingDecision.Outcome;
import org.openpetition.routing.repository.RoutingDecisionRepository;

/** Routing decisions: who handles a case and why; the dispatcher's queue. */
@Path("/api/assignments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assignments", description = "转送/交办 routing decisions")
@SecurityRequirement(name = "bearer")
@WithSession
public class AssignmentResource {

    private final RoutingDecisionRepository decisions;
    private final DepartmentScope scope;

    public AssignmentResource(RoutingDecisionRepository decisions, DepartmentScope scope) {
        this.decisions = decisions;
        this.scope = scope;
    }

    @GET
    @Path("{caseId}")
    @RolesAllowed({DISPATCHER, HANDLER, SUPERVISOR, LEADER, ADMIN, AUDITOR})
    @Operation(summary = "The routing decision of a case", description = "A handler sees only cases of their own department.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AssignmentView.class)))
    @APIResponse(responseCode = "404", description = "Not routed (yet), or not visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<AssignmentView> get(@PathParam("caseId") UUID caseId) {
        return decisions.findById(caseId)
                .map(decision -> decision != null && scope.canSee(decision.departmentCode) ? decision : null)
                .onItem().ifNull().failWith(() -> new NotFoundException("no routing decision for case " + caseId))
                .map(AssignmentView::of);
    }

    @GET
    @Path("queue")
    @RolesAllowed({DISPATCHER, SUPERVISOR, ADMIN, AUDITOR})
    @Operation(summary = "The dispatcher's queue: cases no rule could decide, oldest first")
    public Uni<List<AssignmentView>> queue() {
        return decisions.find("outcome", Sort.by("decidedAt"), Outcome.DISPATCHER_QUEUE).page(0, 200).list()
                .map(list -> list.stream().map(AssignmentView::of).toList());
    }
}
