package org.openpetition.portal.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.openpetition.portal.services.Answer;
import org.openpetition.portal.services.Service;
import org.openpetition.portal.services.ServiceCalls;
import org.openpetition.portal.session.UserToken;
import org.openpetition.portal.view.PageContext;

/**
 * The reports of the caller's area from supervision-service: the daily report (日报, with its zero report) of
 * any past day, and the circular of overdue units (超期通报) for a period, which a supervisor issues to the units
 * it names and their supervising bodies.
 */
@Path("/work")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({"supervisor", "leader", "auditor", "admin"})
public class ReportsPage {

    private final Template daily;
    private final Template circular;
    private final ServiceCalls services;
    private final UserToken token;
    private final PageContext page;

    public ReportsPage(@Location("work-daily.html") Template daily, @Location("work-circular.html") Template circular,
                       ServiceCalls services, UserToken token, PageContext page) {
        this.daily = daily;
        this.circular = circular;
        this.services = services;
        this.token = token;
        this.page = page;
    }

    @GET
    @Path("daily")
    public Uni<TemplateInstance> daily(@RestQuery String day) {
        Map<String, String> query = Map.of("day", day == null ? "" : day);
        return services.get(Service.SUPERVISION, "/api/reports/daily", query, token.bearer())
                .map(answer -> page.page(daily.data("report", answer.map()).data("found", answer.ok())
                        .data("day", query.get("day")).data("problem", Problems.of(answer, page))
                        .data("errors", answer.fieldErrors()), "daily_title"));
    }

    @GET
    @Path("circular")
    public Uni<TemplateInstance> circular(@RestQuery String from, @RestQuery String to) {
        return showCircular(period(from, to), null, null, Map.of());
    }

    /** A supervisor issues the circular of the period: kept, and sent to every unit it names. */
    @POST
    @Path("circular")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({"supervisor", "admin"})
    public Uni<TemplateInstance> issue(@RestForm String from, @RestForm String to) {
        Map<String, String> period = period(from, to);
        return services.post(Service.SUPERVISION, "/api/supervision/circulars", period, null, token.bearer())
                .chain(answer -> answer.ok()
                        ? showCircular(period, page.word("circular_issued"), answer, Map.of())
                        : showCircular(period, null, answer, answer.fieldErrors()));
    }

    private Uni<TemplateInstance> showCircular(Map<String, String> period, String done, Answer issued, Map<String, String> errors) {
        return services.get(Service.SUPERVISION, "/api/supervision/circular", period, token.bearer())
                .map(answer -> page.page(circular.data("circular", answer.map()).data("found", answer.ok())
                        .data("period", period).data("done", done)
                        .data("issued", issued != null && issued.ok() ? issued.map() : Map.of())
                        .data("problem", issued != null && !issued.ok() ? Problems.of(issued, page) : Problems.of(answer, page))
                        .data("errors", errors.isEmpty() ? answer.fieldErrors() : errors), "circular_title"));
    }

    private static Map<String, String> period(String from, String to) {
        Map<String, String> period = new LinkedHashMap<>();
        period.put("from", from == null ? "" : from.strip());
        period.put("to", to == null ? "" : to.strip());
        return period;
    }
}
