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

/** A clerk's registrations: the petitions registered by its petition office's locality, newest first. */
@Path("/work/registrations")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("clerk")
public class RegistrationsPage {

    private final Template registrations;
    private final ServiceCalls services;
    private final UserToken token;
    private final PageContext page;

    public RegistrationsPage(@Location("work-registrations.html") Template registrations, ServiceCalls services,
                             UserToken token, PageContext page) {
        this.registrations = registrations;
        this.services = services;
        this.token = token;
        this.page = page;
    }

    @GET
    public Uni<TemplateInstance> list(@RestQuery Integer page, @RestQuery String q) {
        int number = page == null || page < 0 ? 0 : page;
        Map<String, String> query = new LinkedHashMap<>();
        query.put("page", String.valueOf(number));
        query.put("size", "20");
        query.put("q", q);
        return services.get(Service.INTAKE, "/api/petitions", query, token.bearer())
                .map(answer -> this.page.page(registrations.data("items", answer.items()).data("total", answer.total())
                        .data("nextPage", number + 1).data("more", (long) (number + 1) * 20 < answer.total()).data("q", q == null ? "" : q)
                        .data("problem", Problems.of(answer, this.page)), "registrations_title"));
    }
}
