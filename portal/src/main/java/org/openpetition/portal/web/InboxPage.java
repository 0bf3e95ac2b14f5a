package org.openpetition.portal.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.openpetition.portal.services.InboxStream;
import org.openpetition.portal.services.Service;
import org.openpetition.portal.services.ServiceCalls;
import org.openpetition.portal.session.UserToken;
import org.openpetition.portal.view.PageContext;

/**
 * The in-app inbox: the messages notification-service keeps for the user, refreshed live. The page listens to
 * the portal's event stream, which relays notification-service's stream (with the user's token, on the server)
 * and tells the page to reload its list whenever a message arrives.
 */
@Path("/my/inbox")
@Authenticated
public class InboxPage {

    private final Template inbox;
    private final Template messages;
    private final ServiceCalls services;
    private final InboxStream stream;
    private final UserToken token;
    private final PageContext page;

    public InboxPage(@Location("inbox.html") Template inbox, @Location("inbox-messages.html") Template messages,
                     ServiceCalls services, InboxStream stream, UserToken token, PageContext page) {
        this.inbox = inbox;
        this.messages = messages;
        this.services = services;
        this.stream = stream;
        this.token = token;
        this.page = page;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<TemplateInstance> inbox() {
        return load(inbox, "inbox_title");
    }

    /** The list alone (an htmx fragment), reloaded when the stream announces a message. */
    @GET
    @Path("messages")
    @Produces(MediaType.TEXT_HTML)
    public Uni<TemplateInstance> messages() {
        return load(messages, "inbox_title");
    }

    @POST
    @Path("{id}/read")
    @Produces(MediaType.TEXT_HTML)
    public Uni<TemplateInstance> read(@PathParam("id") String id) {
        return services.post(Service.NOTIFICATION, "/api/inbox/" + id + "/read", null, token.bearer())
                .chain(() -> load(messages, "inbox_title"));
    }

    /** Server-sent events: one {@code message} event per new inbox message (its content stays on the server). */
    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<String> live() {
        return stream.arrivals(token.bearer()).map(ignored -> "new");
    }

    private Uni<TemplateInstance> load(Template template, String title) {
        return services.get(Service.NOTIFICATION, "/api/inbox", Map.of("limit", "50"), token.bearer())
                .map(answer -> page.page(template.data("inbox", answer.map()).data("available", answer.ok()), title));
    }
}
