package org.openpetition.supervision.rest;

import static org.openpetition.platform.security.Roles.*;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.ForbiddenException;
import org.openpetition.platform.security.CaseScope;
import org.openpetition.platform.security.CurrentCaller;
import org.openpetition.platform.security.Jurisdiction;
import org.openpetition.supervision.indicators.DivisionPrefix;

/**
 * The area a caller may report on (docs/security.md): the area of its token's "locality" claim and
 * everything under it, for a supervisor, leader, auditor or admin. A token without the claim reports on
 * nothing (403); only the explicit national value covers the whole country.
 */
@RequestScoped
public class LocalityScope {

    private final CurrentCaller caller;
    private final CallerLanguage language;

    public LocalityScope(CurrentCaller caller, CallerLanguage language) {
        this.caller = caller;
        this.language = language;
    }

    /** The locality asked for (or the caller's own area when none), checked against the caller's area. */
    public DivisionPrefix resolve(String requested) {
        DivisionPrefix own = own();
        if (requested == null || requested.isEmpty()) {
            return own;
        }
        DivisionPrefix asked = DivisionPrefix.parse("locality", requested, language.texts());
        if (!asked.prefix().startsWith(own.prefix())) {
            throw new ForbiddenException("outside the caller's area " + own.prefix());
        }
        return asked;
    }

    private DivisionPrefix own() {
        Jurisdiction area = CaseScope.listArea(caller.get(), SUPERVISOR, LEADER, ADMIN, AUDITOR);
        if (area == null) {
            throw new ForbiddenException("the caller's token names no area (locality claim)");
        }
        return new DivisionPrefix(area.prefix());
    }
}
