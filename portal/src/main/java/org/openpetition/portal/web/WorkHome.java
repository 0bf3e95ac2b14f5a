package org.openpetition.portal.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.openpetition.portal.view.PageContext;

/** The workbench's start page: the tasks of the user's roles. */
@Path("/work")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class WorkHome {

    private final Template home;
    private final PageContext page;

    public WorkHome(@Location("work-home.html") Template home, PageContext page) {
        this.home = home;
        this.page = page;
    }

    @GET
    public TemplateInstance home() {
        return page.page(home.instance(), "work_title");
    }
}
