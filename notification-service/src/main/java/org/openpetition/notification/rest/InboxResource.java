package org.openpetition.notification.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.openpetition.notification.service.Inboxes;

/** The caller's in-app inbox: their own messages, their unit's and (a leader) the leader's. */
@Path("/api/inbox")
@Tag(name = "Inbox", description = "In-app messages, with live updates as server-sent events")
@SecurityRequirement(name = "bearer")
@Authenticated
public class InboxResource {

    /** The inbox page: how many are unread, and the newest messages. */
    public record InboxPage(long unread, List<InboxView> messages) {
    }

    private final Inboxes inboxes;
    private final InboxOwners owners;

    public InboxResource(Inboxes inboxes, InboxOwners owners) {
        this.inboxes = inboxes;
        this.owners = owners;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @WithSession
    @Operation(summary = "The newest messages of the caller's inboxes and the number unread")
    public Uni<InboxPage> list(@QueryParam("unread") @DefaultValue("false") boolean unreadOnly,
                               @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return inboxes.page(owners.all(), unreadOnly, limit)
                .map(page -> new InboxPage(page.unread(), page.messages().stream().map(InboxView::of).toList()));
    }

    @POST
    @Path("/{id}/read")
    @WithTransaction
    @Operation(summary = "Marks a message read")
    @APIResponse(responseCode = "204", description = "Marked read (or read before)")
    @APIResponse(responseCode = "404", description = "No such message in the caller's inboxes")
    public Uni<Void> read(@PathParam("id") UUID id) {
        return inboxes.markRead(id, owners.all()).invoke(found -> {
            if (!found) {
                throw new NotFoundException("no such message / 无此消息");
            }
        }).replaceWithVoid();
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "New messages of the caller's inboxes as they arrive (server-sent events)")
    public Multi<InboxView> live() {
        return inboxes.live(owners.all()).map(InboxView::of);
    }
}
