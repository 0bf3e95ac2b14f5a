package org.openpetition.portal.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.openpetition.portal.services.Service;
import org.openpetition.portal.services.ServiceCalls;
import org.openpetition.portal.view.PageContext;

/** Following a petition without an account: the receipt's tracking code and query secret give its public timeline. */
@Path("/track")
@Produces(MediaType.TEXT_HTML)
public class TrackPage {

    private final Template track;
    private final ServiceCalls services;
    private final PageContext page;

    public TrackPage(@Location("track.html") Template track, ServiceCalls services, PageContext page) {
        this.track = track;
        this.services = services;
        this.page = page;
    }

    @GET
    public TemplateInstance form() {
        return page.page(track.data("form", Map.of()).data("errors", Map.of()).data("result", null).data("problem", null),
                "track_title");
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<TemplateInstance> track(@RestForm String trackingCode, @RestForm String querySecret) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("trackingCode", trim(trackingCode));
        form.put("querySecret", trim(querySecret));
        return services.post(Service.INTAKE, "/api/tracking", form, null).map(answer -> {
            TemplateInstance view = track.data("form", form).data("errors", answer.fieldErrors());
            if (answer.ok()) {
                return page.page(view.data("result", answer.map()).data("problem", null), "track_title");
            }
            String problem = answer.unavailable() ? page.word("service_unavailable")
                    : answer.notFound() ? page.word("track_not_found")
                    : answer.status() == 429 ? page.word("track_locked")
                    : answer.fieldErrors().isEmpty() ? answer.detail() : page.word("form_has_errors");
            return page.page(view.data("result", null).data("problem", problem), "track_title");
        });
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }
}
