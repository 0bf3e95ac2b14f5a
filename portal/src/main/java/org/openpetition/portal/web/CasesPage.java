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
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.RestQuery;
import org.openpetition.portal.services.Service;
import org.openpetition.portal.services.ServiceCalls;
import org.openpetition.portal.session.UserToken;
import org.openpetition.portal.view.PageContext;

/**
 * The cases the user may work on, most urgent first (overdue, then warning, then the nearest limit), from
 * supervision-service's case list: a handler sees its department's, a leader those it owns, a supervisor
 * those of its locality. The board is the same list held to the cases at warning or overdue.
 */
@Path("/work")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({"handler", "leader", "supervisor", "dispatcher", "auditor", "admin"})
public class CasesPage {

    private final Template cases;
    private final ServiceCalls services;
    private final UserToken token;
    private final PageContext page;

    public CasesPage(@Location("work-cases.html") Template cases, ServiceCalls services, UserToken token, PageContext page) {
        this.cases = cases;
        this.services = services;
        this.token = token;
        this.page = page;
    }

    @GET
    @Path("cases")
    public Uni<TemplateInstance> cases(@RestQuery String status, @RestQuery String due, @RestQuery Boolean owned,
                                       @RestQuery Integer page) {
        return list(status, due, owned, page, Boolean.TRUE.equals(owned) ? "owned_title" : "cases_title", "/work/cases");
    }

    @GET
    @Path("board")
    @RolesAllowed("supervisor")
    public Uni<TemplateInstance> board(@RestQuery String due, @RestQuery Integer page) {
        return list(null, due == null || due.isBlank() ? "OVERDUE,WARNING" : due, null, page, "board_title", "/work/board");
    }

    private Uni<TemplateInstance> list(String status, String due, Boolean owned, Integer pageNo, String title, String self) {
        int number = pageNo == null || pageNo < 0 ? 0 : pageNo;
        Map<String, String> query = new LinkedHashMap<>();
        query.put("status", status);
        query.put("due", due);
        query.put("owned", Boolean.TRUE.equals(owned) ? "true" : null);
        query.put("sort", "urgency");
        query.put("page", String.valueOf(number));
        query.put("size", "20");
        return services.get(Service.SUPERVISION, "/api/cases", query, token.bearer()).map(answer -> {
            Map<String, Object> filters = new LinkedHashMap<>();
            filters.put("status", status == null ? "" : status);
            filters.put("due", due == null ? "" : due);
            filters.put("owned", Boolean.TRUE.equals(owned));
            return this.page.page(cases.data("items", answer.items()).data("total", answer.total())
                    .data("nextPage", number + 1).data("more", (long) (number + 1) * 20 < answer.total())
                    .data("filters", filters).data("self", self).data("problem", Problems.of(answer, this.page)), title);
        });
    }
}
