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
import org.openpetition.intake.service.PetitionTracking;
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

    public TrackingResource(PetitionTracking tracking) {
        this.tracking = tracking;
    }

    @POST
    @Operation(summary = "The status timeline of a petition", description = "No personal data; "
            + "an unknown tracking code and a wrong query secret get the same 404.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TrackingView.class)))
    @APIResponse(responseCode = "404", description = "No petition with this tracking code and query secret",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<TrackingView> track(@Valid @NotNull TrackingQuery body) {
        return tracking.track(body.trackingCode().strip(), body.querySecret()).map(TrackingView::of);
    }
}
