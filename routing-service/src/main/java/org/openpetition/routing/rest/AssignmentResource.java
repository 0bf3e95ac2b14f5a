package org.openpetition.routing.rest;

import static org.openpetition.platform.security.Roles.*;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.openpetition.platform.security.CurrentCaller;
import org.openpetition.routing.service.AssignmentReads;
import org.openpetition.routing.service.CaseActions;

/** Routing decisions: who handles a case and why; the dispatcher's queue. */
@Path("/api/assignments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assignments", description = "转送/交办 routing decisions")
@SecurityRequirement(name = "bearer")
@WithSession
public class AssignmentResource {

    private final AssignmentReads reads;
    private final CurrentCaller caller;
    private final CaseActions actions;

    public AssignmentResource(AssignmentReads reads, CurrentCaller caller, CaseActions actions) {
        this.reads = reads;
        this.caller = caller;
        this.actions = actions;
    }

    @GET
    @Path("{caseId}")
    @RolesAllowed({DISPATCHER, HANDLER, SUPERVISOR, LEADER, ADMIN, AUDITOR})
    @Operation(summary = "The routing decision of a case", description = "Within the caller's scope (docs/security.md):"
            + " a handler the cases of its department, now or before; a dispatcher, supervisor, auditor or admin those of"
            + " its area; a leader those it owns; never the accused of an accusation.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AssignmentView.class)))
    @APIResponse(responseCode = "404", description = "Not routed (yet), or not visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<AssignmentView> get(@PathParam("caseId") UUID caseId) {
        return reads.visible(caseId, caller.get()).map(AssignmentView::of);
    }

    @GET
    @Path("queue")
    @RolesAllowed({DISPATCHER, SUPERVISOR, ADMIN, AUDITOR})
    @Operation(summary = "The dispatcher's queue: cases no rule could decide, oldest first",
            description = "Only the cases whose locality lies in the caller's area (its locality claim); none without it."
                    + " An accusation is left out for a caller of its accused unit's line or the accused official.")
    public Uni<List<AssignmentView>> queue() {
        return reads.queue(caller.get()).map(list -> list.stream().map(AssignmentView::of).toList());
    }

    @POST
    @Path("{caseId}/assign")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(DISPATCHER)
    @Operation(summary = "Assign a case to a unit: reassign, 交办 with an acceptance deadline, or resolve the queue",
            description = "Publishes case.assigned.v1 with decidedBy DISPATCHER. An accusation is never assigned to the"
                    + " accused unit or a unit under it; a repeat petition stays with its earlier case (409).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AssignmentView.class)))
    @APIResponse(responseCode = "400", description = "Unknown unit or leader, a past deadline, the accused unit's line",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<AssignmentView> assign(@PathParam("caseId") UUID caseId, @Valid @NotNull AssignRequest body) {
        return actions.assign(caseId, new CaseActions.Assignment(body.departmentCode().trim(), body.reason().trim(),
                        body.acceptanceDue(), blankToNull(body.owningLeaderId())), caller.get())
                .map(AssignmentView::of);
    }

    @POST
    @Path("{caseId}/return")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(HANDLER)
    @Operation(summary = "退回: the assigned unit returns a case that is not its to handle, with the reason",
            description = "The case is routed again without every unit that returned it; the return that reaches the"
                    + " limit (routing.returns.max) puts it in the dispatcher's queue; later returns are refused (409)."
                    + " Publishes case.returned.v1, and case.assigned.v1 when re-routed.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AssignmentView.class)))
    @APIResponse(responseCode = "404", description = "No such case, or not assigned to the caller's unit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The return limit is reached",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<AssignmentView> returnCase(@PathParam("caseId") UUID caseId, @Valid @NotNull ReturnRequest body) {
        return actions.returnCase(caseId, body.reason().trim(), caller.get())
                .map(AssignmentView::of);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
