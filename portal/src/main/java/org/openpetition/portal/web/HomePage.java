package org.openpetition.portal.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openpetition.portal.view.PageContext;
import org.openpetition.portal.view.Viewer;

/** The public home page, signing in (which lands on the user's own start page) and the account page. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomePage {

    private final Template home;
    private final Template account;
    private final PageContext page;
    private final String realmUrl;

    public HomePage(@Location("home.html") Template home, @Location("account.html") Template account, PageContext page,
                    @ConfigProperty(name = "quarkus.oidc.auth-server-url") String realmUrl) {
        this.home = home;
        this.account = account;
        this.page = page;
        this.realmUrl = realmUrl;
    }

    @GET
    public TemplateInstance home() {
        return page.page(home.instance(), "home_title");
    }

    /** Signing in: Keycloak's login (or registration) page, then the start page of the user's role. */
    @GET
    @Path("login")
    @Authenticated
    public Response login() {
        Viewer viewer = page.viewer();
        return Response.seeOther(URI.create(viewer.staff() ? "/work" : "/my")).build();
    }

    @GET
    @Path("account")
    @Authenticated
    public TemplateInstance account() {
        return page.page(account.data("accountConsole", realmUrl + "/account"), "account_title");
    }
}
