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
import org.jboss.resteasy.reactive.RestQuery;
import org.openpetition.portal.services.Assignments;
import org.openpetition.portal.session.UserToken;
import org.openpetition.portal.view.PageContext;

/**
 * The units a dispatcher may assign a case to (an htmx fragment: a datalist's options, code and name), from
 * the directory of the case's locality and the levels above it.
 */
@Path("/work/units")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("dispatcher")
public class DepartmentOptionsPage {

    private final Template options;
    private final Assignments assignments;
    private final UserToken token;
    private final PageContext page;

    public DepartmentOptionsPage(@Location("department-options.html") Template options, Assignments assignments,
                                 UserToken token, PageContext page) {
        this.options = options;
        this.assignments = assignments;
        this.token = token;
        this.page = page;
    }

    @GET
    public Uni<TemplateInstance> units(@RestQuery String locality) {
        return assignments.units(locality, token.bearer())
                .map(answer -> page.page(options.data("units", answer.list()), "assign_department"));
    }
}
