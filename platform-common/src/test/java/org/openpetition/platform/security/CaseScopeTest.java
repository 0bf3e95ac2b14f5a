package org.openpetition.platform.security;

import static org.junit.jupiter.api.Assertions.*;
import static org.openpetition.platform.security.Roles.*;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CaseScopeTest {

    private static final Set<String> KEYCLOAK_DEFAULTS = Set.of("default-roles-petition", "offline_access", "uma_authorization");

    /** A case of 达川区's housing bureau, assigned before to its transport bureau. */
    private static final CaseFacts HOUSING = new CaseFacts("511703-ZJJ", Set.of("511703-JTJ"), "511703", "511703001",
            "511703", "clerk1", true, "5117-ZJJ", "511703-L01", false, null, null);

    /** An accusation against the housing bureau's line, handled by the discipline body. */
    private static final CaseFacts ACCUSATION = new CaseFacts("511703-JW", Set.of(), "511703", "511703001", null, "alice", false,
            null, null, true, unit -> unit.startsWith("511703-ZJJ"), "511703-L02");

    private static Caller caller(Set<String> roles, String department, String locality, String leaderId) {
        return new Caller("someone", "sub", roles, department, Jurisdiction.ofClaim(locality), leaderId);
    }

    private static Set<String> with(String role) {
        Set<String> roles = new java.util.HashSet<>(KEYCLOAK_DEFAULTS);
        roles.add(role);
        return roles;
    }

    @Test
    void aHandlerSeesItsOwnAndFormerCasesWhateverOtherRolesKeycloakAdds() {
        assertEquals(CaseAccess.FULL, CaseScope.access(caller(with(HANDLER), "511703-ZJJ", null, null), HOUSING));
        assertEquals(CaseAccess.MASKED, CaseScope.access(caller(with(HANDLER), "511703-JTJ", null, null), HOUSING));
        assertEquals(CaseAccess.NONE, CaseScope.access(caller(with(HANDLER), "511703-RSJ", "511703", null), HOUSING));
        assertEquals(CaseAccess.NONE, CaseScope.access(caller(with(HANDLER), null, "511703", null), HOUSING));
        assertTrue(CaseScope.mayHandle(caller(with(HANDLER), "511703-ZJJ", null, null), HOUSING));
        assertFalse(CaseScope.mayHandle(caller(with(HANDLER), "511703-JTJ", null, null), HOUSING), "a former unit no longer acts");
    }

    @Test
    void unknownRolesAloneGrantNothing() {
        assertEquals(CaseAccess.NONE, CaseScope.access(caller(KEYCLOAK_DEFAULTS, "511703-ZJJ", "CN", "511703-L01"), HOUSING));
        assertNull(CaseScope.listArea(caller(KEYCLOAK_DEFAULTS, null, "CN", null), SUPERVISOR, ADMIN, AUDITOR));
    }

    @Test
    void areaRolesNeedALocalityClaimThatCoversTheCase() {
        for (String role : Set.of(DISPATCHER, SUPERVISOR, AUDITOR, ADMIN)) {
            assertTrue(CaseScope.access(caller(with(role), null, "511703", null), HOUSING).visible(), role);
            assertTrue(CaseScope.access(caller(with(role), null, "511700", null), HOUSING).visible(), role + " of the city");
            assertTrue(CaseScope.access(caller(with(role), null, "CN", null), HOUSING).visible(), role + " national");
            assertEquals(CaseAccess.NONE, CaseScope.access(caller(with(role), null, "511702", null), HOUSING), role + " elsewhere");
            assertEquals(CaseAccess.NONE, CaseScope.access(caller(with(role), null, null, null), HOUSING), role + " without claim");
            assertEquals(CaseAccess.NONE, CaseScope.access(caller(with(role), null, "all", null), HOUSING), role + " invalid claim");
        }
        assertEquals(CaseAccess.FULL, CaseScope.access(caller(with(DISPATCHER), null, "511703", null), HOUSING));
        assertEquals(CaseAccess.MASKED, CaseScope.access(caller(with(AUDITOR), null, "511703", null), HOUSING));
        assertNull(CaseScope.listArea(caller(with(SUPERVISOR), null, null, null), SUPERVISOR));
        assertEquals("5117", CaseScope.listArea(caller(with(SUPERVISOR), null, "511700", null), SUPERVISOR).prefix());
    }

    @Test
    void theSupervisingBodyAndTheOwningLeaderSeeTheCaseMasked() {
        assertEquals(CaseAccess.MASKED, CaseScope.access(caller(with(SUPERVISOR), "5117-ZJJ", null, null), HOUSING));
        assertTrue(CaseScope.maySupervise(caller(with(SUPERVISOR), "5117-ZJJ", null, null), HOUSING));
        assertEquals(CaseAccess.MASKED, CaseScope.access(caller(with(LEADER), null, null, "511703-L01"), HOUSING));
        assertEquals(CaseAccess.NONE, CaseScope.access(caller(with(LEADER), null, "511703", "511703-L09"), HOUSING));
    }

    @Test
    void clerksAndPetitioners() {
        Caller registeringClerk = new Caller("clerk1", "s", with(CLERK), null, Jurisdiction.ofClaim("511703"), null);
        Caller otherClerk = new Caller("clerk2", "s", with(CLERK), null, Jurisdiction.ofClaim("511703"), null);
        Caller farClerk = new Caller("clerk3", "s", with(CLERK), null, Jurisdiction.ofClaim("511702"), null);
        assertEquals(CaseAccess.FULL, CaseScope.access(registeringClerk, HOUSING));
        assertEquals(CaseAccess.MASKED, CaseScope.access(otherClerk, HOUSING));
        assertEquals(CaseAccess.NONE, CaseScope.access(farClerk, HOUSING));
        Caller clerkOfTheMattersArea = new Caller("clerk4", "s", with(CLERK), null, Jurisdiction.ofClaim("511703"), null);
        assertEquals(CaseAccess.MASKED, CaseScope.access(clerkOfTheMattersArea, ACCUSATION),
                "an online petition of the clerk's area, registered by nobody of its office");
        assertEquals(CaseAccess.MASKED, CaseScope.access(new Caller("alice", "s", with(CITIZEN), null, null, null), ACCUSATION));
        assertEquals(CaseAccess.NONE, CaseScope.access(new Caller("bob", "s", with(CITIZEN), null, null, null), ACCUSATION));
        assertEquals(CaseAccess.NONE, CaseScope.access(new Caller("alice", "s", with(CLERK), null, null, null), ACCUSATION),
                "a clerk who shares a petitioner's name is not that petitioner");
    }

    @Test
    void theAccusedNeverSeeAnAccusationWhateverElseTheyHold() {
        Caller accusedUnit = caller(Set.of(HANDLER, SUPERVISOR, DISPATCHER), "511703-ZJJ", "511703", null);
        Caller unitUnderIt = caller(with(HANDLER), "511703-ZJJ-01", null, null);
        Caller accusedOfficial = caller(Set.of(LEADER, SUPERVISOR), null, "511703", "511703-L02");
        assertEquals(CaseAccess.NONE, CaseScope.access(accusedUnit, ACCUSATION));
        assertEquals(CaseAccess.NONE, CaseScope.access(unitUnderIt, ACCUSATION));
        assertEquals(CaseAccess.NONE, CaseScope.access(accusedOfficial, ACCUSATION));
        assertFalse(CaseScope.mayDispatch(accusedUnit, ACCUSATION));
        assertFalse(CaseScope.maySupervise(accusedOfficial, ACCUSATION));
        assertEquals(CaseAccess.FULL, CaseScope.access(caller(with(HANDLER), "511703-JW", null, null), ACCUSATION));
        assertEquals(CaseAccess.MASKED, CaseScope.access(caller(with(DISPATCHER), null, "511703", null), ACCUSATION),
                "the accuser's identity stays with the handling body");
    }
}
