package org.openpetition.notification.rest;

import static org.openpetition.platform.security.Roles.*;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openpetition.notification.repository.NotificationRepository;

/** The delivery log, for operators, supervisors and auditors. */
@Path("/api/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications", description = "The delivery log of messages")
@SecurityRequirement(name = "bearer")
@WithSession
public class NotificationResource {

    private final NotificationRepository notifications;

    public NotificationResource(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    @GET
    @RolesAllowed({SUPERVISOR, ADMIN, AUDITOR})
    @Operation(summary = "The messages of a case, oldest first")
    public Uni<List<NotificationView>> forCase(@QueryParam("caseId") @NotNull UUID caseId) {
        return notifications.list("caseId", Sort.by("createdAt"), caseId)
                .map(list -> list.stream().map(NotificationView::of).toList());
    }
}
