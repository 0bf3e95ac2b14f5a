package org.openpetition.supervision.rest;

import static org.openpetition.platform.security.Roles.*;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openpetition.supervision.service.CaseClock;
import org.openpetition.supervision.service.DeadlineSweep;

/** Supervision (督办): the deadline sweep on demand, for operators. */
@Path("/api/supervision")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Supervision", description = "督办 warnings, overdue cases, supervision orders, escalations")
@SecurityRequirement(name = "bearer")
public class SupervisionResource {

    private final DeadlineSweep sweep;
    private final CaseClock clock;

    public SupervisionResource(DeadlineSweep sweep, CaseClock clock) {
        this.sweep = sweep;
        this.clock = clock;
    }

    /** The result of a sweep. */
    public record SweepResult(String day, int alerts) {
    }

    @POST
    @Path("sweeps")
    @RolesAllowed(ADMIN)
    @Operation(summary = "Run the deadline sweep now", description = "The sweep runs every minute by itself; this runs "
            + "it at once (e.g. after loading a corrected holiday calendar). Safe beside the scheduled runs of any replica.")
    public Uni<SweepResult> sweepNow() {
        var today = clock.day(Instant.now());
        return sweep.sweep(today).map(n -> new SweepResult(today.toString(), n));
    }
}
