package org.openpetition.supervision.rest;

import static org.openpetition.platform.security.Roles.*;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openpetition.contracts.event.CircularV1;
import org.openpetition.platform.problem.FieldException;
import org.openpetition.platform.problem.Problem;
import org.openpetition.supervision.i18n.Texts;
import org.openpetition.supervision.indicators.DivisionPrefix;
import org.openpetition.supervision.service.CaseClock;
import org.openpetition.supervision.service.Circulars;

/** 超期通报 issued: a supervisor issues the circular of overdue units of their area as supervision.circular.v1. */
@Path("/api/supervision/circulars")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Supervision", description = "督办 warnings, overdue cases, supervision orders, escalations")
@SecurityRequirement(name = "bearer")
public class CircularResource {

    /** The longest period a circular covers. */
    static final int MAX_DAYS = 366;

    private final Circulars circulars;
    private final CaseClock clock;
    private final LocalityScope scope;
    private final SecurityIdentity identity;
    private final CallerLanguage language;

    public CircularResource(Circulars circulars, CaseClock clock, LocalityScope scope, SecurityIdentity identity,
                            CallerLanguage language) {
        this.language = language;
        this.circulars = circulars;
        this.clock = clock;
        this.scope = scope;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({SUPERVISOR, ADMIN})
    @Operation(summary = "超期通报: issue the circular of overdue units of an area and period",
            description = "Per department (with its email and its supervising body): cases overdue now, supervision "
                    + "orders and escalations issued in the period (default: the last 7 days up to today), worst first. "
                    + "Kept, and published as supervision.circular.v1 (notification-service sends it to every listed unit "
                    + "and its supervising body). The area defaults to the caller's own (token claim locality).")
    @APIResponse(responseCode = "201", description = "Issued: the circular with its id",
            content = @Content(schema = @Schema(implementation = CircularV1.class)))
    @APIResponse(responseCode = "400", description = "A bad date, period or locality; the field is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a supervisor or admin, or an area outside the caller's")
    public Uni<Response> issue(@QueryParam("locality") String locality, @QueryParam("from") String from,
                               @QueryParam("to") String to) {
        Texts texts = language.texts();
        LocalDate today = clock.day(Instant.now());
        LocalDate end = ReportSupport.parse("to", to, today, texts);
        LocalDate start = ReportSupport.parse("from", from, end.minusDays(6), texts);
        if (end.isAfter(today)) {
            throw FieldException.of("to", texts.toAfterToday());
        }
        if (start.isAfter(end)) {
            throw FieldException.of("from", texts.fromAfterTo());
        }
        if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
            throw FieldException.of("from", texts.circularTooLong(MAX_DAYS));
        }
        DivisionPrefix area = scope.resolve(locality);
        return circulars.issue(area, start, end, identity.getPrincipal().getName(), false)
                .map(issued -> issued.orElseThrow(() -> new IllegalStateException("a circular issued by hand was not stored")))
                .map(c -> Response.created(URI.create("/api/supervision/circulars/" + c.circularId())).entity(c).build());
    }

    @GET
    @Path("{circularId}")
    @RolesAllowed({SUPERVISOR, LEADER, ADMIN, AUDITOR})
    @Operation(summary = "A circular as it was issued")
    @APIResponse(responseCode = "200", description = "The circular",
            content = @Content(schema = @Schema(implementation = CircularV1.class)))
    @APIResponse(responseCode = "404", description = "No such circular",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "A circular of an area outside the caller's")
    public Uni<CircularV1> get(@PathParam("circularId") UUID circularId) {
        String own = scope.resolve(null).prefix();
        return circulars.find(circularId).map(found -> found.orElseThrow(() -> new NotFoundException("no circular " + circularId)))
                .invoke(c -> {
                    if (!c.localityPrefix().startsWith(own)) {
                        throw new ForbiddenException("outside the caller's area " + own);
                    }
                });
    }
}
