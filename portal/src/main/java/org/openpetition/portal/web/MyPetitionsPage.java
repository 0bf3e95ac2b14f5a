package org.openpetition.portal.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
 * A petitioner's own petitions: the list, and each petition with its timeline and the actions the case
 * allows now (evaluate the reply, request a review or re-review, withdraw). intake-service decides whether an
 * action is allowed; a refused one comes back with its reason.
 */
@Path("/my")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class MyPetitionsPage {

    private final Template list;
    private final Template detail;
    private final ServiceCalls services;
    private final UserToken token;
    private final PageContext page;

    public MyPetitionsPage(@Location("my-list.html") Template list, @Location("my-detail.html") Template detail,
                           ServiceCalls services, UserToken token, PageContext page) {
        this.list = list;
        this.detail = detail;
        this.services = services;
        this.token = token;
        this.page = page;
    }

    @GET
    public Uni<TemplateInstance> list(@RestQuery Integer page) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("page", String.valueOf(page == null || page < 0 ? 0 : page));
        query.put("size", "20");
        return services.get(Service.INTAKE, "/api/petitions", query, token.bearer())
                .map(answer -> this.page.page(list.data("answer", answer).data("items", answer.items())
                        .data("problem", Problems.of(answer, this.page)), "my_title"));
    }

    @GET
    @Path("{caseId}")
    public Uni<TemplateInstance> detail(@PathParam("caseId") String caseId) {
        return show(caseId, null, null);
    }

    @POST
    @Path("{caseId}/action")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<TemplateInstance> act(@PathParam("caseId") String caseId, @RestForm String action, @RestForm String evaluation,
                                     @RestForm String reason) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("action", action);
        if (evaluation != null && !evaluation.isBlank()) {
            request.put("evaluation", evaluation);
        }
        if (reason != null && !reason.isBlank()) {
            request.put("reason", reason.strip());
        }
        return services.post(Service.INTAKE, "/api/petitions/" + caseId + "/actions", request, token.bearer())
                .chain(answer -> answer.ok() ? show(caseId, page.word("action_done"), null)
                        : show(caseId, null, Problems.of(answer, page) == null ? page.word("action_refused") : Problems.of(answer, page)));
    }

    private Uni<TemplateInstance> show(String caseId, String done, String problem) {
        String bearer = token.bearer();
        return Uni.combine().all().unis(
                        services.get(Service.INTAKE, "/api/petitions/" + caseId, bearer),
                        services.get(Service.INTAKE, "/api/petitions/" + caseId + "/timeline", bearer),
                        services.get(Service.INTAKE, "/api/petitions/" + caseId + "/attachments", bearer))
                .asTuple().map(all -> {
                    Answer petition = all.getItem1();
                    TemplateInstance view = detail.data("found", petition.ok()).data("petition", petition.map())
                            .data("tracking", all.getItem2().map()).data("attachments", all.getItem3().list())
                            .data("done", done)
                            .data("problem", problem != null ? problem : petition.ok() ? null : Problems.of(petition, page));
                    return page.page(view, "my_detail_title");
                });
    }
}
