package org.openpetition.supervision.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.ForbiddenException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.openpetition.platform.security.Roles;
import org.openpetition.supervision.indicators.DivisionPrefix;

/**
 * The area a caller may report on: a supervisor or leader whose token carries a "locality" claim sees
 * that division and everything under it; administrators, auditors and callers without the claim see
 * the whole country.
 */
@RequestScoped
public class LocalityScope {

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public LocalityScope(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    /** The locality asked for (or the caller's own area when none), checked against the caller's area. */
    public DivisionPrefix resolve(String requested) {
        DivisionPrefix own = own();
        if (requested == null || requested.isEmpty()) {
            return own;
        }
        DivisionPrefix asked = DivisionPrefix.parse("locality", requested);
        if (!asked.prefix().startsWith(own.prefix())) {
            throw new ForbiddenException("outside the caller's area " + own.prefix());
        }
        return asked;
    }

    private DivisionPrefix own() {
        if (identity.hasRole(Roles.ADMIN) || identity.hasRole(Roles.AUDITOR)) {
            return new DivisionPrefix("");
        }
        String locality = token.getClaim("locality");
        return locality == null ? new DivisionPrefix("") : DivisionPrefix.parse("locality", locality);
    }
}
