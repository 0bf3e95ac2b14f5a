package org.openpetition.portal.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.openpetition.portal.i18n.Language;

/** Remembers the language chosen with {@code ?lang=} in a cookie, so the next pages keep it. */
public class LanguageCookie {

    @ServerResponseFilter
    public void remember(ContainerRequestContext request, ContainerResponseContext response) {
        String asked = request.getUriInfo().getQueryParameters().getFirst("lang");
        if (asked != null) {
            NewCookie cookie = new NewCookie.Builder(Language.COOKIE).value(Language.of(asked).code()).path("/")
                    .maxAge(365 * 24 * 3600).sameSite(NewCookie.SameSite.LAX).httpOnly(true).build();
            response.getHeaders().add(HttpHeaders.SET_COOKIE, cookie);
        }
    }
}
