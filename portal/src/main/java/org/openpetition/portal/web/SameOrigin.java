package org.openpetition.portal.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Cross-site request forgery: a form sent from another site is refused (403). The session cookie is
 * SameSite=Lax, so a browser does not send it with a cross-site POST at all; this filter also refuses any
 * state-changing request whose Origin (or, without one, Referer) names another host than the portal's own.
 */
public class SameOrigin {

    @ServerRequestFilter(preMatching = true)
    public Response check(ContainerRequestContext request) {
        String method = request.getMethod();
        if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
            return null;
        }
        String host = request.getHeaderString("Host");
        String origin = request.getHeaderString("Origin");
        if (origin == null) {
            origin = request.getHeaderString("Referer");
        }
        if (origin == null || "null".equals(origin) || host == null) {
            return origin == null ? null : Response.status(Response.Status.FORBIDDEN).build();
        }
        String originHost = URI.create(origin).getRawAuthority();
        return host.equalsIgnoreCase(originHost) ? null : Response.status(Response.Status.FORBIDDEN).build();
    }
}
