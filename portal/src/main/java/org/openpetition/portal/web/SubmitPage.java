package org.openpetition.portal.web;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A petitioner's own online submission (网上信访): the form, then the receipt. */
@Path("/submit")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class SubmitPage {

    private final PetitionFormFlow flow;

    public SubmitPage(PetitionFormFlow flow) {
        this.flow = flow;
    }

    @GET
    public Uni<TemplateInstance> form() {
        return flow.form(false);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Uni<TemplateInstance> submit(@BeanParam PetitionForm input) {
        input.channel = null; // always ONLINE for a petitioner's own submission
        return flow.send(false, input);
    }
}
