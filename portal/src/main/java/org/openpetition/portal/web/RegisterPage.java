package org.openpetition.portal.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestQuery;
import org.openpetition.portal.view.PageContext;

/**
 * A clerk registers a letter, visit or call (登记) for the petitioner, with further petitioners and their
 * representatives for a joint or collective petition: the form, then the receipt to print.
 */
@Path("/work/register")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("clerk")
public class RegisterPage {

    /** Most rows of petitioners the form offers (intake takes up to 1,000 petitioners). */
    private static final int MAX_ROWS = 1000;

    private final PetitionFormFlow flow;
    private final Template rows;
    private final PageContext page;

    public RegisterPage(PetitionFormFlow flow, @Location("petitioner-rows.html") Template rows, PageContext page) {
        this.flow = flow;
        this.rows = rows;
        this.page = page;
    }

    @GET
    public Uni<TemplateInstance> form() {
        return flow.form(true);
    }

    /** More empty rows of further petitioners (an htmx fragment), and the button that adds the next ones. */
    @GET
    @Path("petitioner-rows")
    public TemplateInstance moreRows(@RestQuery int from) {
        int first = Math.max(1, Math.min(from, MAX_ROWS));
        return page.page(rows.data("others", PetitionForm.emptyRows(first)).data("errors", Map.of())
                .data("chosen", List.of()).data("oob", true).data("next", first + PetitionForm.OTHER_ROWS), "register_title");
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Uni<TemplateInstance> register(@BeanParam PetitionForm input) {
        return flow.send(true, input);
    }
}
