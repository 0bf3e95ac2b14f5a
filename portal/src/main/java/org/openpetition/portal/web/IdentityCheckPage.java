package org.openpetition.portal.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import org.jboss.resteasy.reactive.RestQuery;
import org.openpetition.contracts.rules.BeijingTime;
import org.openpetition.contracts.rules.IdentityNumbers;
import org.openpetition.portal.view.PageContext;

/**
 * Checks a resident identity number as it is typed (an htmx fragment: the field's error, empty when the
 * number is well formed), with the rule intake-service applies when the form is sent (GB 11643 check digit,
 * a real birth date).
 */
@Path("/picker/identity")
@Produces(MediaType.TEXT_PLAIN)
public class IdentityCheckPage {

    private final PageContext page;

    public IdentityCheckPage(PageContext page) {
        this.page = page;
    }

    @GET
    public String check(@RestQuery String idNumber, @RestQuery String otherIdNumber) {
        String number = idNumber != null ? idNumber : otherIdNumber;
        if (number == null || number.isBlank()
                || IdentityNumbers.isResidentIdNumber(number.strip(), LocalDate.now(BeijingTime.ZONE))) {
            return "";
        }
        return page.word("idNumber_invalid");
    }
}
