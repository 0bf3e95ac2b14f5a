package org.openpetition.intake.service;

import static org.openpetition.platform.security.Roles.*;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.openpetition.intake.Petition;

/**
 * Who may see a petition, and how much of it. Personal data is shown in full only to the handler
 * chain: the petition office that routes it (dispatcher), the clerk who registered it, and the handlers
 * of the department it is assigned to. Everyone else who may read cases sees it masked; a petitioner
 * sees only their own. Whistleblower rule: a handler of the accused unit never sees an accusation,
 * even if it were assigned there.
 */
@RequestScoped
public class CaseAccess {

    /** What the caller may see of one petition. */
    public enum Visibility {
        NONE, MASKED, FULL
    }

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public CaseAccess(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    public Visibility of(Petition petition) {
        String user = identity.getPrincipal().getName();
        if (petition.isAccusation() && petition.accusedUnitCode != null
                && petition.accusedUnitCode.equals(department())) {
            return Visibility.NONE;
        }
        if (identity.hasRole(DISPATCHER)
                || identity.hasRole(CLERK) && user.equals(petition.registeredBy)
                || identity.hasRole(HANDLER) && department() != null && department().equals(petition.assignedDepartmentCode)) {
            return Visibility.FULL;
        }
        if (identity.hasRole(SUPERVISOR) || identity.hasRole(LEADER) || identity.hasRole(ADMIN) || identity.hasRole(AUDITOR)
                || identity.hasRole(CLERK)) {
            return Visibility.MASKED;
        }
        // a petitioner sees their own petitions; a handler only those of their department (FULL above)
        return identity.hasRole(CITIZEN) && user.equals(petition.registeredBy) ? Visibility.MASKED : Visibility.NONE;
    }

    /** Attachments may show anything (identity cards, medical records): the handler chain and their owner only. */
    public boolean mayReadAttachments(Petition petition) {
        return of(petition) == Visibility.FULL || isOwner(petition);
    }

    /** A petitioner may add to their own petition; a clerk to any petition (a letter's enclosures). */
    public boolean mayAddAttachments(Petition petition) {
        return identity.hasRole(CLERK) || isOwner(petition);
    }

    private boolean isOwner(Petition petition) {
        return identity.hasRole(CITIZEN) && identity.getPrincipal().getName().equals(petition.registeredBy);
    }

    /** Who is asking, for the access log: user name and roles, never what they saw. */
    public String caller() {
        return identity.getPrincipal().getName() + " " + identity.getRoles();
    }

    private String department() {
        return token.getClaim("department");
    }
}
