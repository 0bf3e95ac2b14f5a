package org.openpetition.platform.security;

import java.util.Set;
import java.util.function.Predicate;

/**
 * What the scope decision looks at in a case. Each service fills what it knows and leaves the rest
 * null: a fact a service does not hold grants nothing there.
 *
 * @param department          the unit handling the case now (承办单位), or null
 * @param formerDepartments   units that handled it before (reassigned away or returned), never null
 * @param competentLocality   the division of the competent body, or null before routing
 * @param petitionLocality    the division where the matter arose
 * @param registeringLocality the area of the clerk who registered it (a letter, visit or call), or null
 * @param registeredBy        the user who registered it (the petitioner online, or the clerk)
 * @param registeredByClerk   a clerk registered it (a letter, visit or call), not the petitioner
 * @param supervisingBody     the supervising body (上级主管单位) of the handling unit, or null
 * @param owningLeaderId      the leader owning the case (包案领导), or null
 * @param accusation          a petition of kind ACCUSATION (检举控告)
 * @param accusedLine         for an accusation: whether a unit code is the accused unit or a unit under it
 * @param accusedLeaderId     for an accusation: the accused official's leader id in the directory, or null
 */
public record CaseFacts(String department, Set<String> formerDepartments, String competentLocality,
                        String petitionLocality, String registeringLocality, String registeredBy, boolean registeredByClerk,
                        String supervisingBody, String owningLeaderId, boolean accusation,
                        Predicate<String> accusedLine, String accusedLeaderId) {

    public CaseFacts {
        formerDepartments = formerDepartments == null ? Set.of() : Set.copyOf(formerDepartments);
        accusedLine = accusedLine == null ? unit -> false : accusedLine;
    }

    /** The accused line of a service that knows only the accused unit's own code (no directory). */
    public static Predicate<String> onlyUnit(String accusedUnitCode) {
        return unit -> accusedUnitCode != null && accusedUnitCode.equals(unit);
    }

    /** The division whose area decides for dispatchers, supervisors, auditors and admins. */
    public String locality() {
        return competentLocality != null ? competentLocality : petitionLocality;
    }
}
