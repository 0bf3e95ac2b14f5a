package org.openpetition.portal.session;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.RequestScoped;

/**
 * The address of the browser the request came from, which the portal passes to the services in
 * {@code X-Forwarded-For}: intake-service counts its per-address rate limits by it (trusting the portal as a
 * proxy, docs/operations.md), instead of counting every petitioner as the portal. Behind an ingress, the
 * portal's own {@code quarkus.http.proxy.*} settings make this the client's address, not the ingress's.
 */
@RequestScoped
public class ClientAddress {

    private final CurrentVertxRequest request;

    public ClientAddress(CurrentVertxRequest request) {
        this.request = request;
    }

    /** The browser's address, or null outside an HTTP request. */
    public String host() {
        if (request.getCurrent() == null || request.getCurrent().request().remoteAddress() == null) {
            return null;
        }
        return request.getCurrent().request().remoteAddress().host();
    }
}
