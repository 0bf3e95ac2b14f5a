package org.openpetition.supervision.rest;

import static org.openpetition.platform.security.Roles.*;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openpetition.platform.problem.Problem;
import org.openpetition.supervision.calendar.WorkCalendar;
import org.openpetition.supervision.service.CalendarYears;

/** The official holiday calendar (法定节假日与调休) the limits are counted on; administrators load new years. */
@Path("/api/calendar/years")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Calendar", description = "节假日安排: the holiday and make-up working-day calendar of the time limits")
@SecurityRequirement(name = "bearer")
public class CalendarResource {

    private final CalendarYears years;
    private final WorkCalendar calendar;
    private final SecurityIdentity identity;
    private final CallerLanguage language;

    public CalendarResource(CalendarYears years, WorkCalendar calendar, SecurityIdentity identity, CallerLanguage language) {
        this.language = language;
        this.years = years;
        this.calendar = calendar;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({HANDLER, SUPERVISOR, LEADER, ADMIN, AUDITOR, DISPATCHER, CLERK})
    @Operation(summary = "The years the calendar knows, and whether each was shipped or loaded by an administrator")
    public List<Map<String, Object>> list() {
        return years.years();
    }

    @GET
    @Path("{year}")
    @RolesAllowed({HANDLER, SUPERVISOR, LEADER, ADMIN, AUDITOR, DISPATCHER, CLERK})
    @Operation(summary = "One year's holidays, days off in lieu and make-up working days")
    @APIResponse(responseCode = "404", description = "The year is not known")
    public JsonNode year(@PathParam("year") int year) {
        JsonNode days = calendar.daysOf(year);
        if (days == null) {
            throw new NotFoundException("no calendar for " + year);
        }
        return days;
    }

    @PUT
    @Path("{year}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(ADMIN)
    @Operation(summary = "Load (or correct) a year's calendar",
            description = "The body is the year as published, in the shipped format: {\"holidays\": {\"2027-10-01\": "
                    + "\"National Day,国庆节,7\", ...}, \"inLieuDays\": {...}, \"workdays\": {\"2027-09-26\": \"...\"}}. "
                    + "Checked date by date; kept, and applied by every replica within the refresh interval. Limits that "
                    + "start from now on are counted on it.")
    @APIResponse(responseCode = "200", description = "Loaded; the years known now")
    @APIResponse(responseCode = "400", description = "A date, name or field that is not valid, named in the problem",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<Map<String, Object>>> load(@PathParam("year") int year, JsonNode days) {
        return years.load(year, days, identity.getPrincipal().getName(), language.texts()).map(ignored -> years.years());
    }
}
