package org.openpetition.portal.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.RestQuery;
import org.openpetition.portal.services.Service;
import org.openpetition.portal.services.ServiceCalls;
import org.openpetition.portal.session.UserToken;
import org.openpetition.portal.view.PageContext;

/**
 * The indicators of the user's locality (supervision-service's report): the rates and counts for a period
 * against the period before (环比) or a year earlier (同比), by locality or by department, as a table and a
 * chart, and the same figures as CSV.
 */
@Path("/work/indicators")
@RolesAllowed({"leader", "auditor", "supervisor", "admin"})
public class IndicatorsPage {

    private final Template indicators;
    private final ServiceCalls services;
    private final UserToken token;
    private final PageContext page;

    public IndicatorsPage(@Location("work-indicators.html") Template indicators, ServiceCalls services, UserToken token,
                          PageContext page) {
        this.indicators = indicators;
        this.services = services;
        this.token = token;
        this.page = page;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<TemplateInstance> show(@RestQuery String from, @RestQuery String to, @RestQuery String groupBy,
                                      @RestQuery String compare) {
        Map<String, String> query = query(from, to, groupBy, compare);
        return services.get(Service.SUPERVISION, "/api/reports/indicators", query, token.bearer())
                .map(answer -> page.page(indicators.data("report", answer.map()).data("found", answer.ok())
                        .data("query", query).data("problem", Problems.of(answer, page))
                        .data("json", answer.body() == null ? "{}" : answer.body().toString()), "indicators_title"));
    }

    @GET
    @Path("csv")
    public Uni<Response> csv(@RestQuery String from, @RestQuery String to, @RestQuery String groupBy, @RestQuery String compare) {
        return services.raw(Service.SUPERVISION, "/api/reports/indicators", query(from, to, groupBy, compare), "text/csv",
                        token.bearer())
                .map(response -> response.statusCode() == 200
                        ? Response.ok(response.body().getBytes(), "text/csv; charset=UTF-8")
                                .header("Content-Disposition", "attachment; filename=\"indicators.csv\"").build()
                        : Response.status(response.statusCode()).build());
    }

    private static Map<String, String> query(String from, String to, String groupBy, String compare) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("from", from == null ? "" : from);
        query.put("to", to == null ? "" : to);
        query.put("groupBy", groupBy == null || groupBy.isBlank() ? "department" : groupBy);
        query.put("compare", compare == null ? "" : compare);
        return query;
    }
}
