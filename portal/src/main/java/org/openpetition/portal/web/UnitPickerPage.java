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
import org.openpetition.portal.services.Units;
import org.openpetition.portal.view.PageContext;

/**
 * The accused unit's suggestions (an htmx fragment: the options of a datalist) as the petitioner types, from
 * the public directory at the locality chosen and above it.
 */
@Path("/picker/units")
@Produces(MediaType.TEXT_HTML)
public class UnitPickerPage {

    private final Template options;
    private final Units units;
    private final PageContext page;

    public UnitPickerPage(@Location("unit-options.html") Template options, Units units, PageContext page) {
        this.options = options;
        this.units = units;
        this.page = page;
    }

    @GET
    public Uni<TemplateInstance> suggestions(@RestQuery String accusedUnitName, @RestQuery String province,
                                             @RestQuery String city, @RestQuery String county,
                                             @RestQuery String township, @RestQuery String village) {
        PetitionForm chosen = new PetitionForm();
        chosen.province = province;
        chosen.city = city;
        chosen.county = county;
        chosen.township = township;
        chosen.village = village;
        return units.named(accusedUnitName, chosen.localityCode())
                .map(names -> page.page(options.data("names", names), "accusedUnitName"));
    }
}
