package org.openpetition.intake.service;

import jakarta.enterprise.context.RequestScoped;
import org.openpetition.intake.Petition;
import org.openpetition.platform.security.CaseFacts;
import org.openpetition.platform.security.CaseScope;
import org.openpetition.platform.security.CurrentCaller;
import org.openpetition.platform.security.Roles;

/**
 * Who may see a petition, and how much of it: the shared scope decision (docs/security.md) over the
 * petition's facts. Personal data in full for the handling unit, the dispatcher of the area (not for an
 * accusation) and the clerk who registered it; masked for the other callers in scope; a petitioner sees
 * only their own; the accused unit never sees an accusation.
 */
@RequestScoped
public class CaseAccess {

    /** What the caller may see of one petition. */
    public enum Visibility {
        NONE, MASKED, FULL
    }

    private final CurrentCaller caller;

    public CaseAccess(CurrentCaller caller) {
        this.caller = caller;
    }

    public Visibility of(Petition petition) {
        return switch (CaseScope.access(caller.get(), facts(petition))) {
            case NONE -> Visibility.NONE;
            case MASKED -> Visibility.MASKED;
            case FULL -> Visibility.FULL;
        };
    }

    /** Attachments may show anything (identity cards, medical records): the handler chain and their owner only. */
    public boolean mayReadAttachments(Petition petition) {
        return of(petition) == Visibility.FULL || isOwner(petition);
    }

    /** A petitioner may add to their own petition; a clerk to a petition of its area (a letter's enclosures). */
    public boolean mayAddAttachments(Petition petition) {
        return isOwner(petition) || caller.get().has(Roles.CLERK) && of(petition) != Visibility.NONE;
    }

    /** Whether the caller is the petitioner who submitted it online. */
    public boolean isOwner(Petition petition) {
        var who = caller.get();
        return who.has(Roles.CITIZEN) && !Roles.CLERK.equals(petition.registeredByRole)
                && who.user() != null && who.user().equals(petition.registeredBy);
    }

    /** Who is asking, for the access log: user name and roles, never what they saw. */
    public String caller() {
        return caller.get().user() + " " + caller.get().roles();
    }

    static CaseFacts facts(Petition p) {
        boolean clerk = Roles.CLERK.equals(p.registeredByRole);
        return new CaseFacts(p.assignedDepartmentCode, java.util.Set.of(), p.competentLocality, p.localityCode,
                p.registeringLocality, p.registeredBy, clerk, p.supervisingBody, p.owningLeaderId, p.isAccusation(),
                CaseFacts.onlyUnit(p.accusedUnitCode), null);
    }
}
