package org.openpetition.platform.security;

import static org.junit.jupiter.api.Assertions.*;
import static org.openpetition.platform.security.Roles.*;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The fail-closed shape of the list condition; its parity with CaseScope is tested on a database by the services. */
class CaseScopeSqlTest {

    private static final CaseScopeSql.Columns COLUMNS = new CaseScopeSql.Columns("c.department_code",
            "string_to_array(c.former_departments, ',')", "c.locality_code", "c.supervising_code", "c.owning_leader_id",
            "c.accusation", unit -> "c.accused_unit_code = " + unit, null);

    private static final Set<String> KEYCLOAK_DEFAULTS = Set.of("default-roles-petition", "offline_access", "uma_authorization");

    private static CaseScopeSql.Condition of(String role, String department, String locality, String leaderId) {
        Set<String> roles = new java.util.HashSet<>(KEYCLOAK_DEFAULTS);
        if (role != null) {
            roles.add(role);
        }
        return CaseScopeSql.visible(new Caller("someone", "sub", roles, department, Jurisdiction.ofClaim(locality), leaderId), COLUMNS);
    }

    @Test
    void noRoleOrNoClaimIsFalseNeverTrue() {
        assertEquals("false", of(null, "511703-ZJJ", "CN", "511703-L01").sql(), "Keycloak's default roles grant nothing");
        assertEquals("false", of(CITIZEN, "511703-ZJJ", "CN", null).sql());
        assertEquals("false", of(CLERK, null, "511703", null).sql(), "clerks' grants are not translated");
        assertEquals("false", of(HANDLER, null, "511703", null).sql(), "a handler without department");
        assertEquals("false", of(LEADER, null, "511703", null).sql(), "a leader without leader_id");
        for (String role : Set.of(DISPATCHER, SUPERVISOR, AUDITOR, ADMIN)) {
            assertEquals("false", of(role, null, null, null).sql(), role + " without locality");
            assertEquals("false", of(role, null, "all", null).sql(), role + " with an invalid locality");
        }
        assertTrue(of(SUPERVISOR, null, null, null).parameters().isEmpty());
    }

    @Test
    void claimsAreBoundAsParametersAndTheAccusedIsExcluded() {
        CaseScopeSql.Condition handler = of(HANDLER, "511703-ZJJ", "511703", null);
        assertEquals(Map.of(CaseScopeSql.DEPARTMENT, "511703-ZJJ"), handler.parameters(), "a handler's locality grants nothing");
        assertTrue(handler.sql().contains("c.department_code = :scopeDepartment"));
        assertTrue(handler.sql().startsWith("(not coalesce(c.accusation and (c.accused_unit_code = :scopeDepartment)"),
                handler.sql());
        CaseScopeSql.Condition national = of(AUDITOR, null, "CN", null);
        assertEquals(Map.of(CaseScopeSql.AREA, "%"), national.parameters());
        assertFalse(national.sql().contains("accus"), "no claim to be accused by");
        assertEquals(Map.of(CaseScopeSql.AREA, "5117%"), of(SUPERVISOR, null, "511700", null).parameters());
        CaseScopeSql.Condition reviewer = of(SUPERVISOR, "5117-ZJJ", "5117", null);
        assertTrue(reviewer.sql().contains("c.supervising_code = :scopeDepartment"), reviewer.sql());
        assertTrue(of(LEADER, null, "511703", "511703-L01").sql().contains("c.owning_leader_id = :scopeLeader"));
        assertFalse(of(SUPERVISOR, "x' or true --", "511703", null).sql().contains("x'"), "claims never enter the SQL text");
    }
}
