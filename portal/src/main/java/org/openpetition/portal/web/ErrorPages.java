package org.openpetition.portal.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.openpetition.portal.view.PageContext;

/**
 * The portal's own pages for a page of another role (403), an address that does not exist (404) and a service
 * that cannot be reached (503), with the
 * menu and the language of every page, instead of the browser's bare error page.
 */
public class ErrorPages {

    private final Template problem;
    private final PageContext page;

    public ErrorPages(@Location("problem.html") Template problem, PageContext page) {
        this.problem = problem;
        this.page = page;
    }

    @ServerExceptionMapper(ForbiddenException.class)
    public Response forbidden() {
        return render(Response.Status.FORBIDDEN, "forbidden_title", "forbidden_text");
    }

    @ServerExceptionMapper(NotFoundException.class)
    public Response notFound() {
        return render(Response.Status.NOT_FOUND, "notfound_title", "notfound_text");
    }

    @ServerExceptionMapper(ServiceUnavailableException.class)
    public Response unavailable() {
        return render(Response.Status.SERVICE_UNAVAILABLE, "unavailable_title", "unavailable_text");
    }

    private Response render(Response.Status status, String title, String text) {
        String html = page.page(problem.data("text", page.word(text)), title).render();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
    }
}
