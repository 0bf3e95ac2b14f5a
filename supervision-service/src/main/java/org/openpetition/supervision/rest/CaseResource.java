package org.openpetition.supervision.rest;

import static org.openpetition.platform.security.Roles.*;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
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
import org.openpetition.platform.security.CaseScope;
import org.openpetition.platform.security.Caller;
import org.openpetition.platform.security.CurrentCaller;
import org.openpetition.supervision.service.CaseScopeFacts;
import org.openpetition.supervision.CaseStep;
import org.openpetition.supervision.DeadlineAlert;
import org.openpetition.supervision.SupervisedCase;
import org.openpetition.supervision.repository.DeadlineAlertRepository;
import org.openpetition.supervision.repository.CaseStepRepository;
import org.openpetition.supervision.repository.SupervisedCaseRepository;

/** The clock of each case: status and deadlines. */
@Path("/api/cases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cases", description = "督办 deadlines of assigned cases")
@SecurityRequirement(name = "bearer")
@WithSession
public class CaseResource {

    private final SupervisedCaseRepository cases;
    private final CurrentCaller caller;
    private final CaseStepRepository steps;
    private final DeadlineAlertRepository alerts;

    public CaseResource(SupervisedCaseRepository cases, CurrentCaller caller, CaseStepRepository steps,
                        DeadlineAlertRepository alerts) {
        this.cases = cases;
        this.alerts = alerts;
        this.steps = steps;
        this.caller = caller;
    }

    @GET
    @Path("{caseId}")
    @RolesAllowed({DISPATCHER, HANDLER, SUPERVISOR, LEADER, ADMIN, AUDITOR})
    @Operation(summary = "A case's status and deadlines", description = "Within the caller's scope (docs/security.md): a handler the cases of its department, now or before;"
            + " a dispatcher, supervisor, auditor or admin those of its area; the supervising body; the owning leader.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "404", description = "No such case, or not visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<CaseView> get(@PathParam("caseId") UUID caseId) {
        return visible(caseId).map(CaseView::of);
    }

    @GET
    @Path("{caseId}/steps")
    @RolesAllowed({DISPATCHER, HANDLER, SUPERVISOR, LEADER, ADMIN, AUDITOR})
    @Operation(summary = "Every step of the case: who did what, when, with which reason or text (the audit trail)")
    @APIResponse(responseCode = "200", description = "Oldest first")
    @APIResponse(responseCode = "404", description = "No such case, or not visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<CaseStep>> steps(@PathParam("caseId") UUID caseId) {
        return visible(caseId).chain(found -> steps.history(caseId));
    }

    @GET
    @Path("{caseId}/alerts")
    @RolesAllowed({DISPATCHER, HANDLER, SUPERVISOR, LEADER, ADMIN, AUDITOR})
    @Operation(summary = "The alerts issued on a case: warnings, overdue, supervision orders, escalations")
    @APIResponse(responseCode = "200", description = "Oldest first")
    @APIResponse(responseCode = "404", description = "No such case, or not visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<DeadlineAlert>> alerts(@PathParam("caseId") UUID caseId) {
        return visible(caseId).chain(found -> alerts.ofCase(caseId));
    }

    /** The case, if it is within the caller's scope (docs/security.md); else 404. */
    private Uni<SupervisedCase> visible(UUID caseId) {
        Caller who = caller.get();
        return cases.findById(caseId)
                .map(found -> found != null && CaseScope.access(who, CaseScopeFacts.of(found)).visible() ? found : null)
                .onItem().ifNull().failWith(() -> new NotFoundException("no case " + caseId));
    }
}
