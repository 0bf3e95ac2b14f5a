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
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.openpetition.contracts.CaseStatus;
import org.openpetition.portal.services.Answer;
import org.openpetition.portal.services.Assignments;
import org.openpetition.portal.services.Service;
import org.openpetition.portal.services.ServiceCalls;
import org.openpetition.portal.session.UserToken;
import org.openpetition.portal.view.PageContext;

/**
 * One case on the workbench: the petition (intake-service), the routing decision and its reasons
 * (routing-service), the clock, its steps, its warnings, overdue marks and supervision orders (督办单)
 * (supervision-service); the handler's actions: accept, decline, extend, reply (答复意见书), return (退回),
 * answer a supervision order; a supervisor's supervision order; a dispatcher's reassignment. The attachments
 * download through the portal with the user's token. Each part shows only what the service lets the user see.
 */
@Path("/work/cases/{caseId}")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({"handler", "leader", "supervisor", "dispatcher", "auditor", "admin"})
public class CasePage {

    private final Template template;
    private final ServiceCalls services;
    private final Assignments assignments;
    private final UserToken token;
    private final PageContext page;

    public CasePage(@Location("work-case.html") Template template, ServiceCalls services, Assignments assignments,
                    UserToken token, PageContext page) {
        this.template = template;
        this.services = services;
        this.assignments = assignments;
        this.token = token;
        this.page = page;
    }

    @GET
    public Uni<TemplateInstance> show(@PathParam("caseId") String caseId) {
        return render(caseId, null, null, Map.of(), Map.of());
    }

    /** A dispatcher's reassignment (or 交办 with an acceptance deadline) of this case. */
    @POST
    @Path("assign")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed("dispatcher")
    public Uni<TemplateInstance> assign(@PathParam("caseId") String caseId, @RestForm String departmentCode,
                                        @RestForm String reason, @RestForm String acceptanceDue) {
        return assignments.assign(caseId, departmentCode, reason, acceptanceDue, token.bearer())
                .chain(answer -> answer.ok() ? render(caseId, page.word("action_done"), null, Map.of(), Map.of())
                        : render(caseId, null, Problems.of(answer, page),
                                Assignments.typed(caseId, departmentCode, reason, acceptanceDue), answer.fieldErrors()));
    }

    /** 督办: a supervisor's supervision order on this case (reason, demand, the last day for the answer). */
    @POST
    @Path("order")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed("supervisor")
    public Uni<TemplateInstance> order(@PathParam("caseId") String caseId, @RestForm String reason, @RestForm String demand,
                                       @RestForm String answerDue) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reason", reason);
        body.put("demand", demand);
        body.put("answerDue", answerDue == null || answerDue.isBlank() ? null : answerDue.strip());
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("action", "order");
        typed.put("reason", reason == null ? "" : reason);
        typed.put("demand", demand == null ? "" : demand);
        typed.put("answerDue", answerDue == null ? "" : answerDue);
        return services.post(Service.SUPERVISION, "/api/cases/" + caseId + "/supervision-orders", body, token.bearer())
                .chain(answer -> answer.ok() ? render(caseId, page.word("order_issued"), null, Map.of(), Map.of())
                        : render(caseId, null, Problems.of(answer, page), typed, answer.fieldErrors()));
    }

    /** The department's answer to a supervision order of this case. */
    @POST
    @Path("orders/{orderId}/answer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed("handler")
    public Uni<TemplateInstance> answerOrder(@PathParam("caseId") String caseId, @PathParam("orderId") String orderId,
                                             @RestForm String text) {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("action", "answer-" + orderId);
        typed.put("text", text == null ? "" : text);
        return services.post(Service.SUPERVISION, "/api/cases/" + caseId + "/supervision-orders/" + orderId + "/answer",
                        Map.of("text", text == null ? "" : text), token.bearer())
                .chain(answer -> answer.ok() ? render(caseId, page.word("action_done"), null, Map.of(), Map.of())
                        : render(caseId, null, Problems.of(answer, page), typed, answer.fieldErrors()));
    }

    /** A handler's action: accept, not-accept, extension, reply (supervision-service) or return (routing-service). */
    @POST
    @Path("{action}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed("handler")
    public Uni<TemplateInstance> act(@PathParam("caseId") String caseId, @PathParam("action") String action,
                                     @RestForm String reason, @RestForm String days, @RestForm String text) {
        Map<String, Object> body = new LinkedHashMap<>();
        Service service = Service.SUPERVISION;
        String path = "/api/cases/" + caseId + "/";
        switch (action) {
            case "accept" -> path += "accept";
            case "not-accept" -> {
                path += "not-accept";
                body.put("reason", reason);
            }
            case "extension" -> {
                path += "extension";
                body.put("days", days != null && days.strip().matches("\\d{1,3}") ? Integer.valueOf(days.strip()) : null);
                body.put("reason", reason);
            }
            case "reply" -> {
                path += "reply";
                body.put("text", text);
            }
            case "return" -> {
                service = Service.ROUTING;
                path = "/api/assignments/" + caseId + "/return";
                body.put("reason", reason);
            }
            default -> {
                return render(caseId, null, page.word("not_allowed"), Map.of(), Map.of());
            }
        }
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("reason", reason == null ? "" : reason);
        typed.put("days", days == null ? "" : days);
        typed.put("text", text == null ? "" : text);
        typed.put("action", action);
        return services.post(service, path, body.isEmpty() ? Map.of() : body, token.bearer())
                .chain(answer -> answer.ok() ? render(caseId, page.word("action_done"), null, Map.of(), Map.of())
                        : render(caseId, null, Problems.of(answer, page), typed, answer.fieldErrors()));
    }

    private Uni<TemplateInstance> render(String caseId, String done, String problem, Map<String, String> typed,
                                         Map<String, String> errors) {
        String bearer = token.bearer();
        return Uni.combine().all().unis(
                        services.get(Service.SUPERVISION, "/api/cases/" + caseId, bearer),
                        services.get(Service.SUPERVISION, "/api/cases/" + caseId + "/steps", bearer),
                        services.get(Service.INTAKE, "/api/petitions/" + caseId, bearer),
                        services.get(Service.ROUTING, "/api/assignments/" + caseId, bearer),
                        services.get(Service.INTAKE, "/api/petitions/" + caseId + "/attachments", bearer),
                        services.get(Service.SUPERVISION, "/api/cases/" + caseId + "/alerts", bearer),
                        services.get(Service.SUPERVISION, "/api/cases/" + caseId + "/supervision-orders", bearer))
                .asTuple().map(all -> {
                    Answer clock = all.getItem1();
                    TemplateInstance view = template.data("found", clock.ok()).data("clock", clock.map())
                            .data("steps", all.getItem2().list()).data("petitionFound", all.getItem3().ok())
                            .data("petition", all.getItem3().map()).data("routing", all.getItem4().map())
                            .data("attachments", all.getItem5().list()).data("alerts", all.getItem6().list()).data("orders", all.getItem7().list())
                            .data("caseOpen", clock.ok() && isOpen(clock.map().get("status"))).data("done", done)
                            .data("problem", problem != null ? problem : clock.ok() ? null : Problems.of(clock, page))
                            .data("typed", typed).data("errors", errors).data("caseId", caseId);
                    return page.page(view, "case_title");
                });
    }

    /** True unless nothing can happen to the case any more (contracts' CaseStatus), or its status is unknown. */
    private static boolean isOpen(Object status) {
        try {
            return status != null && !CaseStatus.valueOf(status.toString()).isClosedForGood();
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }
}
