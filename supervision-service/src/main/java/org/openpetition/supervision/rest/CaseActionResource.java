package org.openpetition.supervision.rest;

import static org.openpetition.platform.security.Roles.*;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponses;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openpetition.platform.problem.Problem;
import org.openpetition.platform.security.CaseFacts;
import org.openpetition.platform.security.CaseScope;
import org.openpetition.platform.security.Caller;
import org.openpetition.platform.security.CurrentCaller;
import org.openpetition.supervision.service.CaseScopeFacts;
import org.openpetition.supervision.service.DepartmentActions;
import org.openpetition.supervision.service.DepartmentActions.Actor;

/**
 * What the department does with a case (受理、不予受理、延期、听证、答复) and what the next-higher body
 * records (复查意见、复核意见). A handler acts only on the cases of their own department and locality.
 * Every action answers with the case's updated clock, or 409 when the case's state does not allow it.
 */
@Path("/api/cases/{caseId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Case actions", description = "受理、延期、听证、答复、复查、复核 the steps of a case")
@SecurityRequirement(name = "bearer")
@APIResponses({
        @APIResponse(responseCode = "200", description = "Done: the case's updated clock",
                content = @Content(schema = @Schema(implementation = CaseView.class))),
        @APIResponse(responseCode = "400", description = "Invalid body: each bad field is named",
                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
        @APIResponse(responseCode = "401", description = "No valid token"),
        @APIResponse(responseCode = "403", description = "The role may not take this step"),
        @APIResponse(responseCode = "404", description = "No such case, or not one of the caller's department",
                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
        @APIResponse(responseCode = "409", description = "Not allowed in the case's state; the detail says why",
                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))})
public class CaseActionResource {

    private final DepartmentActions actions;
    private final CurrentCaller caller;
    private final CallerLanguage language;

    public CaseActionResource(DepartmentActions actions, CurrentCaller caller, CallerLanguage language) {
        this.actions = actions;
        this.caller = caller;
        this.language = language;
    }

    @POST
    @Path("accept")
    @RolesAllowed(HANDLER)
    @Operation(summary = "受理: accept the case; the handling limit (60 days) starts")
    public Uni<CaseView> accept(@PathParam("caseId") UUID caseId) {
        return actions.accept(caseId, handler()).map(CaseView::of);
    }

    @POST
    @Path("not-accept")
    @RolesAllowed(HANDLER)
    @Operation(summary = "不予受理: do not accept, with the reason the petitioner is told; closes the case")
    public Uni<CaseView> notAccept(@PathParam("caseId") UUID caseId, @Valid @NotNull CaseActionRequests.NotAccept body) {
        return actions.notAccept(caseId, body.reason().strip(), handler()).map(CaseView::of);
    }

    @POST
    @Path("extension")
    @RolesAllowed(HANDLER)
    @Operation(summary = "延期: extend the handling limit once, by at most 30 days, with the reason")
    public Uni<CaseView> extend(@PathParam("caseId") UUID caseId, @Valid @NotNull CaseActionRequests.Extension body) {
        return actions.extend(caseId, body.days(), body.reason().strip(), handler()).map(CaseView::of);
    }

    @POST
    @Path("hearing/start")
    @RolesAllowed({HANDLER, SUPERVISOR})
    @Operation(summary = "听证 starts: the time until it ends does not count against the running limit")
    public Uni<CaseView> startHearing(@PathParam("caseId") UUID caseId) {
        return actions.startHearing(caseId, actor()).map(CaseView::of);
    }

    @POST
    @Path("hearing/end")
    @RolesAllowed({HANDLER, SUPERVISOR})
    @Operation(summary = "听证 ends: the running limit moves on by the hearing's days")
    public Uni<CaseView> endHearing(@PathParam("caseId") UUID caseId) {
        return actions.endHearing(caseId, actor()).map(CaseView::of);
    }

    @POST
    @Path("reply")
    @RolesAllowed(HANDLER)
    @Operation(summary = "答复: the written reply (答复意见书); the petitioner may then evaluate and request review")
    public Uni<CaseView> reply(@PathParam("caseId") UUID caseId, @Valid @NotNull CaseActionRequests.Written body) {
        return actions.reply(caseId, body.text().strip(), handler()).map(CaseView::of);
    }

    @POST
    @Path("review-opinion")
    @RolesAllowed(SUPERVISOR)
    @Operation(summary = "复查意见 of the next-higher body, on a case whose review the petitioner requested")
    public Uni<CaseView> reviewOpinion(@PathParam("caseId") UUID caseId, @Valid @NotNull CaseActionRequests.Written body) {
        return actions.reviewOpinion(caseId, body.text().strip(), actor()).map(CaseView::of);
    }

    @POST
    @Path("re-review-opinion")
    @RolesAllowed(SUPERVISOR)
    @Operation(summary = "复核意见: the re-review opinion; the case becomes final (终结)")
    public Uni<CaseView> reReviewOpinion(@PathParam("caseId") UUID caseId, @Valid @NotNull CaseActionRequests.Written body) {
        return actions.reReviewOpinion(caseId, body.text().strip(), actor()).map(CaseView::of);
    }

    /** A handler of the unit handling the case now (docs/security.md). */
    private Actor handler() {
        Caller who = caller.get();
        return new Actor(who.user(), who.department(), c -> CaseScope.mayHandle(who, CaseScopeFacts.of(c)), language.locale());
    }

    /**
     * A handler as above, or a supervisor whose area covers the case or whose unit is the case's
     * supervising body (the next-higher body that records review opinions).
     */
    private Actor actor() {
        Caller who = caller.get();
        return new Actor(who.user(), who.department(), c -> {
            CaseFacts facts = CaseScopeFacts.of(c);
            return CaseScope.mayHandle(who, facts) || CaseScope.maySupervise(who, facts);
        }, language.locale());
    }
}
