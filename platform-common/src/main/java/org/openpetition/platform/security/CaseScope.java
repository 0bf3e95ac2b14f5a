package org.openpetition.platform.security;

import static org.openpetition.platform.security.Roles.*;

/**
 * The one place that decides who may see and act on a case (docs/security.md): from the caller's
 * roles and claims and the case's facts. It fails closed: a role grants only through the claim that
 * bounds it (a handler through {@code department}, the others through {@code locality}, a leader through
 * {@code leader_id}), a missing claim grants nothing, and a role that is not a platform role is
 * ignored. The accused of an accusation never sees it, whatever else it holds (保护检举人).
 */
public final class CaseScope {

    private CaseScope() {
    }

    /** How much of the case the caller may see; {@link CaseAccess#NONE} reads as 404. */
    public static CaseAccess access(Caller c, CaseFacts f) {
        if (accused(c, f)) {
            return CaseAccess.NONE;
        }
        CaseAccess access = CaseAccess.NONE;
        if (c.hasFor(HANDLER, f.department())) {
            access = CaseAccess.FULL;
        } else if (c.has(HANDLER) && c.department() != null && f.formerDepartments().contains(c.department())) {
            access = CaseAccess.MASKED;
        }
        if (c.hasIn(DISPATCHER, f.locality())) {
            // the petition office routing it; an accuser's identity stays with the handling body
            access = access.or(f.accusation() ? CaseAccess.MASKED : CaseAccess.FULL);
        }
        if (f.registeredByClerk() && c.has(CLERK) && c.user() != null && c.user().equals(f.registeredBy())) {
            access = access.or(CaseAccess.FULL);
        } else if (c.hasIn(CLERK, f.registeringLocality()) || c.hasIn(CLERK, f.petitionLocality())) {
            // the petition office of the area: what its clerks registered, and the petitions of its area
            access = access.or(CaseAccess.MASKED);
        }
        if (!f.registeredByClerk() && c.has(CITIZEN) && c.user() != null && c.user().equals(f.registeredBy())) {
            access = access.or(CaseAccess.MASKED);
        }
        if (c.hasIn(SUPERVISOR, f.locality()) || c.hasFor(SUPERVISOR, f.supervisingBody())
                || c.has(LEADER) && c.leaderId() != null && c.leaderId().equals(f.owningLeaderId())
                || c.hasIn(AUDITOR, f.locality()) || c.hasIn(ADMIN, f.locality())) {
            access = access.or(CaseAccess.MASKED);
        }
        return access;
    }

    /** 承办: a handler of the unit handling the case now accepts, declines, extends, replies, returns. */
    public static boolean mayHandle(Caller c, CaseFacts f) {
        return !accused(c, f) && c.hasFor(HANDLER, f.department());
    }

    /** 转送/交办: a dispatcher whose area covers the case assigns and reassigns it. */
    public static boolean mayDispatch(Caller c, CaseFacts f) {
        return !accused(c, f) && c.hasIn(DISPATCHER, f.locality());
    }

    /**
     * 督办/复查: a supervisor whose area covers the case, or the supervising body of its unit (its
     * {@code department} claim), records review opinions, hearings and supervision.
     */
    public static boolean maySupervise(Caller c, CaseFacts f) {
        return !accused(c, f) && (c.hasIn(SUPERVISOR, f.locality()) || c.hasFor(SUPERVISOR, f.supervisingBody()));
    }

    /**
     * The area a list, queue, report or export is filtered to in the database: the caller's
     * {@code locality} claim if it holds one of the roles, else null, which lists nothing.
     */
    public static Jurisdiction listArea(Caller c, String... roles) {
        for (String role : roles) {
            if (c.has(role)) {
                return c.area();
            }
        }
        return null;
    }

    /** Whether the caller is the accused of an accusation: its unit in the accused line, or the accused official. */
    public static boolean accused(Caller c, CaseFacts f) {
        return f.accusation() && (c.department() != null && f.accusedLine().test(c.department())
                || c.leaderId() != null && c.leaderId().equals(f.accusedLeaderId()));
    }
}
