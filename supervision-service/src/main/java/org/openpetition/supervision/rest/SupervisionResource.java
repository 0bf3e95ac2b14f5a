package org.openpetition.supervision.rest;

import static org.openpetition.platform.security.Roles.*;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.openpetition.platform.problem.FieldException;
import org.openpetition.platform.problem.Problem;
import org.openpetition.supervision.service.OverdueCircular;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openpetition.supervision.service.CaseClock;
import org.openpetition.supervision.service.DeadlineSweep;

/** Supervision (督办): the circular of overdue units, and the deadline sweep on demand for operators. */
@Path("/api/supervision")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Supervision", description = "督办 warnings, overdue cases, supervision orders, escalations")
@SecurityRequirement(name = "bearer")
public class SupervisionResource {

    private final DeadlineSweep sweep;
    private final CaseClock clock;
    private final OverdueCircular circular;
    private final LocalityScope scope;

    public SupervisionResource(DeadlineSweep sweep, CaseClock clock, OverdueCircular circular, LocalityScope scope) {
        this.sweep = sweep;
        this.clock = clock;
        this.circular = circular;
        this.scope = scope;
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

    @GET
    @Path("circular")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @RolesAllowed({SUPERVISOR, LEADER, ADMIN, AUDITOR})
    @Operation(summary = "超期通报: the circular of overdue units for a period",
            description = "Per department: cases overdue now, supervision orders and escalations issued in the period "
                    + "(default: the last 7 days), worst first. JSON, or CSV with Accept: text/csv.")
    @APIResponse(responseCode = "200", description = "The units, worst first")
    @APIResponse(responseCode = "400", description = "A bad date or locality prefix",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> circular(@QueryParam("from") String from, @QueryParam("to") String to,
                                  @QueryParam("locality") @Pattern(regexp = "\\d{0,12}", message = "须为行政区划代码前缀 / must be a division code prefix")
                                  String locality,
                                  @HeaderParam("Accept") String accept) {
        LocalDate end = ReportSupport.parse("to", to, clock.day(Instant.now()));
        LocalDate start = ReportSupport.parse("from", from, end.minusDays(6));
        if (start.isAfter(end)) {
            throw FieldException.of("from", "不能晚于 to / must not be after to");
        }
        boolean csv = accept != null && accept.contains("text/csv");
        return circular.of(start, end, scope.resolve(locality).prefix()).map(lines -> csv
                ? Response.ok(toCsv(lines), "text/csv; charset=UTF-8").build()
                : Response.ok(new Circular(start.toString(), end.toString(), lines), MediaType.APPLICATION_JSON).build());
    }

    /** The circular: its period and its lines. */
    public record Circular(String from, String to, List<OverdueCircular.Line> units) {
    }

    private static String toCsv(List<OverdueCircular.Line> lines) {
        StringBuilder out = new StringBuilder("department_code,department_name,locality_code,overdue_now,supervision_orders,escalations\n");
        for (OverdueCircular.Line l : lines) {
            out.append(l.departmentCode()).append(',').append(ReportSupport.csvText(l.departmentName())).append(',').append(l.localityCode())
                    .append(',').append(l.overdueNow()).append(',').append(l.supervisionOrders()).append(',')
                    .append(l.escalations()).append('\n');
        }
        return out.toString();
    }
}
