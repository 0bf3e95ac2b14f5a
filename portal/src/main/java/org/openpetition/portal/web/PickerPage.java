package org.openpetition.portal.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestQuery;
import org.openpetition.portal.services.Divisions;
import org.openpetition.portal.view.PageContext;

/**
 * The locality picker's next level (an htmx fragment): the options of the select after the one changed,
 * and empty selects below it.
 */
@Path("/picker/divisions")
@Produces(MediaType.TEXT_HTML)
public class PickerPage {

    private final Template options;
    private final Divisions divisions;
    private final PageContext page;

    public PickerPage(@Location("picker-options.html") Template options, Divisions divisions, PageContext page) {
        this.options = options;
        this.divisions = divisions;
        this.page = page;
    }

    @GET
    public Uni<TemplateInstance> next(@RestQuery String level, @RestQuery String province, @RestQuery String city,
                                      @RestQuery String county, @RestQuery String township) {
        int index = Divisions.LEVELS.indexOf(level);
        if (index < 1) {
            return Uni.createFrom().item(page.page(options.data("options", java.util.Map.of())
                    .data("below", java.util.List.of()), "locality"));
        }
        String parent = new String[] {province, city, county, township}[index - 1];
        java.util.List<String> below = Divisions.LEVELS.subList(index + 1, Divisions.LEVELS.size());
        Uni<java.util.Map<String, String>> children = parent == null || parent.isBlank()
                ? Uni.createFrom().item(java.util.Map.of()) : divisions.children(parent.strip());
        return children.map(found -> page.page(options.data("options", found).data("below", below), "locality"));
    }
}
