package org.openpetition.intake.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openpetition.intake.i18n.Texts;
import org.openpetition.intake.service.PetitionTracking;
import org.openpetition.intake.service.PetitionerActions;
import org.openpetition.platform.problem.Problem;

/**
 * Public tracking (信访事项查询): anyone holding a receipt can follow the case, without an account.
 * POST, so that the query secret never appears in a URL or an access log.
 */
@Path("/api/tracking")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tracking", description = "查询 the public status of a petition")
@PermitAll
public class TrackingResource {

    private final PetitionTracking tracking;
    private final PetitionerActions actions;
    private final Texts texts;

    public TrackingResource(PetitionTracking tracking, PetitionerActions actions, Texts texts) {
        this.tracking = tracking;
        this.actions = actions;
        this.texts = texts;
    }

    @POST
    @Operation(summary = "The status timeline of a petition", description = "No personal data; "
            + "an unknown tracking code and a wrong query secret get the same 404.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TrackingView.class)))
    @APIResponse(responseCode = "404", description = "No petition with this tracking code and query secret",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<TrackingView> track(@Valid @NotNull TrackingQuery body) {
        return tracking.track(body.trackingCode().strip(), body.querySecret()).map(tracked -> TrackingView.of(tracked, texts));
    }

    @POST
    @Path("actions")
    @Operation(summary = "Evaluate the reply, request review or re-review, or withdraw",
            description = "For a petitioner with the receipt's tracking code and query secret. Each action is checked "
                    + "against the case's state and its window (of the case's jurisdiction), recorded on the timeline and "
                    + "published as petition.action.v1.")
    @APIResponse(responseCode = "200", description = "Done; the updated status and timeline",
            content = @Content(schema = @Schema(implementation = TrackingView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request: each bad field is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No petition with this tracking code and query secret",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not allowed in the case's state, or its window has closed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<TrackingView> act(@Valid @NotNull TrackedActionRequest body) {
        return tracking.authenticate(body.trackingCode().strip(), body.querySecret())
                .chain(petition -> actions.apply(petition.id, body.toRequest(), "ONLINE", any -> true))
                .chain(tracking::tracked)
                .map(tracked -> TrackingView.of(tracked, texts));
    }
}
