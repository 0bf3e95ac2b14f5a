package org.openpetition.notification.rest;

import static org.openpetition.platform.security.Roles.*;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openpetition.notification.Channel;
import org.openpetition.notification.Notification;
import org.openpetition.notification.repository.NotificationRepository;
import org.openpetition.notification.service.NotificationDelivery;
import jakarta.ws.rs.ForbiddenException;
import org.openpetition.platform.problem.Problem;
import org.openpetition.platform.security.CaseScope;
import org.openpetition.platform.security.CurrentCaller;
import org.openpetition.platform.security.Jurisdiction;
import org.openpetition.platform.problem.ProblemException;

/**
 * The delivery log, for operators, supervisors and auditors of national scope (the log spans every area
 * and names recipients); requeueing for admins of national scope. A caller whose locality claim is not
 * the national value gets 403 (docs/security.md).
 */
@Path("/api/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Delivery log", description = "Every message: queued, sent, failed, with its attempts")
@SecurityRequirement(name = "bearer")
public class NotificationResource {

    private final NotificationRepository notifications;
    private final NotificationDelivery delivery;

    private final CurrentCaller caller;

    public NotificationResource(NotificationRepository notifications, NotificationDelivery delivery, CurrentCaller caller) {
        this.caller = caller;
        this.notifications = notifications;
        this.delivery = delivery;
    }

    @GET
    @WithSession
    @RolesAllowed({SUPERVISOR, ADMIN, AUDITOR})
    @Operation(summary = "Messages, newest first, filtered by case, status, channel and kind")
    @APIResponse(responseCode = "400", description = "A filter is not valid (problem details name it)")
    public Uni<List<NotificationView>> list(
            @QueryParam("caseId") UUID caseId,
            @QueryParam("status") @Pattern(regexp = "QUEUED|SENDING|SENT|FAILED|UNCERTAIN|LIMITED",
                    message = "状态应为 QUEUED、SENDING、SENT、FAILED、UNCERTAIN 或 LIMITED / status is QUEUED, SENDING, SENT, FAILED, UNCERTAIN or LIMITED") String status,
            @QueryParam("channel") @Pattern(regexp = "EMAIL|SMS|INBOX",
                    message = "渠道应为 EMAIL、SMS 或 INBOX / channel is EMAIL, SMS or INBOX") String channel,
            @QueryParam("kind") @Pattern(regexp = "[A-Z_]{1,40}", message = "消息类型无效 / not a message kind") String kind,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        requireNationalScope();
        return notifications.search(caseId, status == null ? null : Notification.Status.valueOf(status),
                        channel == null ? null : Channel.valueOf(channel), kind, limit)
                .map(list -> list.stream().map(n -> NotificationView.of(n, null)).toList());
    }

    @GET
    @Path("/{id}")
    @WithSession
    @RolesAllowed({SUPERVISOR, ADMIN, AUDITOR})
    @Operation(summary = "One message with every attempt")
    @APIResponse(responseCode = "404", description = "No such message")
    public Uni<NotificationView> one(@PathParam("id") UUID id) {
        requireNationalScope();
        return notifications.withAttempts(id).map(logged -> {
            if (logged == null) {
                throw new NotFoundException("no such message / 无此消息");
            }
            return NotificationView.of(logged.notification(), logged.attempts());
        });
    }

    @POST
    @Path("/{id}/retry")
    @RolesAllowed(ADMIN)
    @Operation(summary = "Requeues a FAILED or UNCERTAIN message (an operator's decision: it may go out twice if UNCERTAIN)")
    @APIResponse(responseCode = "204", description = "Requeued")
    @APIResponse(responseCode = "409", description = "Not FAILED or UNCERTAIN")
    public Uni<Void> retry(@PathParam("id") UUID id) {
        requireNationalScope();
        return delivery.requeue(id).invoke(requeued -> {
            if (!requeued) {
                throw new ProblemException(new Problem(Problem.STATE_CONFLICT, "不能重发 / cannot requeue", 409,
                        "只有发送失败或结果不明的消息可以重发 / only a FAILED or UNCERTAIN message can be requeued", null, List.of()));
            }
        }).replaceWithVoid();
    }

    /** The log spans every area: only a caller whose locality claim is the national value reads it. */
    private void requireNationalScope() {
        Jurisdiction area = CaseScope.listArea(caller.get(), SUPERVISOR, ADMIN, AUDITOR);
        if (area == null || !area.equals(Jurisdiction.COUNTRY)) {
            throw new ForbiddenException("the delivery log is read with national scope (locality claim "
                    + Jurisdiction.NATIONAL + ")");
        }
    }
}
