package org.openpetition.supervision.rest;

import static org.openpetition.platform.security.Roles.*;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openpetition.platform.problem.Problem;
import org.openpetition.platform.security.CurrentCaller;
import org.openpetition.supervision.SupervisionOrder;
import org.openpetition.supervision.service.CaseClock;
import org.openpetition.supervision.service.SupervisionOrders;
import org.openpetition.supervision.service.VisibleCases;

/** Supervision orders (督办单) a supervisor issues on a case, and the department's answers. */
@Path("/api/cases/{caseId}/supervision-orders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Supervision orders", description = "督办单 issued by a supervisor and answered by the department")
@SecurityRequirement(name = "bearer")
public class SupervisionOrderResource {

    /** A new order: why, what the department is to do, and the last day for its answer (Beijing time). */
    @Schema(name = "SupervisionOrderRequest")
    public record OrderRequest(@NotBlank @Size(max = 2000) String reason, @NotBlank @Size(max = 4000) String demand,
                               @NotNull @Schema(example = "2026-12-20") LocalDate answerDue) {
    }

    /** The department's answer. */
    @Schema(name = "SupervisionOrderAnswer")
    public record AnswerRequest(@NotBlank @Size(min = 10, max = 20000) String text) {
    }

    private final SupervisionOrders orders;
    private final VisibleCases visibleCases;
    private final CurrentCaller caller;
    private final CaseClock clock;

    public SupervisionOrderResource(SupervisionOrders orders, VisibleCases visibleCases, CurrentCaller caller,
                                    CaseClock clock) {
        this.orders = orders;
        this.visibleCases = visibleCases;
        this.caller = caller;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(SUPERVISOR)
    @Operation(summary = "督办: issue a supervision order on a case of the supervisor's area or of a unit it supervises",
            description = "Kept with its reason, demand and answer day; issued like the automatic orders (case.deadline.v1"
                    + " SUPERVISION_ORDER with dueKind ORDER, to the department and its feed), so it counts in the circular."
                    + " Unanswered after its day, the deadline sweep escalates it to the department's supervising body.")
    @APIResponse(responseCode = "201", description = "Issued", content = @Content(schema = @Schema(implementation = SupervisionOrder.class)))
    @APIResponse(responseCode = "400", description = "A missing reason or demand, an answer day not after today",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such case, or not one the supervisor supervises",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The case is closed or unassigned, or has an order answered by that day",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> issue(@PathParam("caseId") UUID caseId, @Valid @NotNull OrderRequest body) {
        return orders.issue(caseId, new SupervisionOrders.Order(body.reason(), body.demand(), body.answerDue()), caller.get(),
                        clock.day(Instant.now()))
                .map(o -> Response.created(URI.create("/api/cases/" + caseId + "/supervision-orders/" + o.id)).entity(o).build());
    }

    @GET
    @WithSession
    @RolesAllowed({DISPATCHER, HANDLER, SUPERVISOR, LEADER, ADMIN, AUDITOR})
    @Operation(summary = "The supervision orders of a case, oldest first, with their answers")
    @APIResponse(responseCode = "404", description = "No such case, or not visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<SupervisionOrder>> list(@PathParam("caseId") UUID caseId) {
        return visibleCases.get(caseId).chain(c -> orders.ofCase(caseId));
    }

    @POST
    @Path("{orderId}/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(HANDLER)
    @Operation(summary = "The department's answer to a supervision order (a handler of the case's department)")
    @APIResponse(responseCode = "200", description = "Answered", content = @Content(schema = @Schema(implementation = SupervisionOrder.class)))
    @APIResponse(responseCode = "404", description = "No such case or order, or not the caller's department's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Answered before",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<SupervisionOrder> answer(@PathParam("caseId") UUID caseId, @PathParam("orderId") UUID orderId,
                                        @Valid @NotNull AnswerRequest body) {
        return orders.answer(caseId, orderId, body.text(), caller.get());
    }
}
