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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.openpetition.portal.services.Assignments;
import org.openpetition.portal.services.Service;
import org.openpetition.portal.services.ServiceCalls;
import org.openpetition.portal.session.UserToken;
import org.openpetition.portal.view.PageContext;

/**
 * The dispatcher's queue: the cases no routing rule could decide, oldest first, with the reasons, and the
 * assignment form (转送, or 交办 with an acceptance deadline), which also reassigns any case by its id.
 */
@Path("/work/queue")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("dispatcher")
public class QueuePage {

    private final Template queue;
    private final ServiceCalls services;
    private final Assignments assignments;
    private final UserToken token;
    private final PageContext page;

    public QueuePage(@Location("work-queue.html") Template queue, ServiceCalls services, Assignments assignments,
                     UserToken token, PageContext page) {
        this.queue = queue;
        this.services = services;
        this.assignments = assignments;
        this.token = token;
        this.page = page;
    }

    @GET
    public Uni<TemplateInstance> queue() {
        return render(null, null, Map.of(), Map.of());
    }

    @POST
    @Path("{caseId}/assign")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<TemplateInstance> assign(@PathParam("caseId") String caseId, @RestForm String departmentCode,
                                        @RestForm String reason, @RestForm String acceptanceDue) {
        return assignments.assign(caseId, departmentCode, reason, acceptanceDue, token.bearer())
                .chain(answer -> answer.ok() ? render(page.word("action_done"), null, Map.of(), Map.of())
                        : render(null, Problems.of(answer, page), answer.fieldErrors(),
                                Assignments.typed(caseId, departmentCode, reason, acceptanceDue)));
    }

    private Uni<TemplateInstance> render(String done, String problem, Map<String, String> errors, Map<String, String> typed) {
        return services.get(Service.ROUTING, "/api/assignments/queue", token.bearer())
                .map(answer -> page.page(queue.data("items", answer.list()).data("done", done)
                        .data("problem", problem != null ? problem : Problems.of(answer, page))
                        .data("errors", errors).data("typed", typed), "queue_title"));
    }
}
