package org.openpetition.supervision.rest;

import static org.openpetition.platform.security.Roles.*;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
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
import org.openpetition.supervision.i18n.Texts;
import org.openpetition.supervision.repository.OverdueCircular;
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
    private final CallerLanguage language;

    public SupervisionResource(DeadlineSweep sweep, CaseClock clock, OverdueCircular circular, LocalityScope scope,
                               CallerLanguage language) {
        this.language = language;
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
                                  @QueryParam("locality") String locality,
                                  @HeaderParam("Accept") String accept) {
        Texts texts = language.texts();
        LocalDate end = ReportSupport.parse("to", to, clock.day(Instant.now()), texts);
        LocalDate start = ReportSupport.parse("from", from, end.minusDays(6), texts);
        if (start.isAfter(end)) {
            throw FieldException.of("from", texts.fromAfterTo());
        }
        return circular.of(start, end, scope.resolve(locality).prefix()).map(lines -> Csv.wanted(accept)
                ? Response.ok(toCsv(lines), Csv.MEDIA_TYPE).build()
                : Response.ok(new Circular(start.toString(), end.toString(), lines), MediaType.APPLICATION_JSON).build());
    }

    /** The circular: its period and its lines. */
    public record Circular(String from, String to, List<OverdueCircular.Line> units) {
    }

    /** The circular as CSV: one line per unit, worst first. */
    static String toCsv(List<OverdueCircular.Line> lines) {
        Csv csv = new Csv("department_code", "department_name", "locality_code", "overdue_now", "supervision_orders",
                "escalations");
        lines.forEach(l -> csv.row(l.departmentCode(), l.departmentName(), l.localityCode(), l.overdueNow(),
                l.supervisionOrders(), l.escalations()));
        return csv.text();
    }
}
