package org.openpetition.portal.web;

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

/** A clerk registers a letter, visit or call (登记) for the petitioner: the form, then the receipt to print. */
@Path("/work/register")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("clerk")
public class RegisterPage {

    private final PetitionFormFlow flow;

    public RegisterPage(PetitionFormFlow flow) {
        this.flow = flow;
    }

    @GET
    public Uni<TemplateInstance> form() {
        return flow.form(true);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Uni<TemplateInstance> register(@BeanParam PetitionForm input) {
        return flow.send(true, input);
    }
}
