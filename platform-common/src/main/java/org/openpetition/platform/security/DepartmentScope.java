package org.openpetition.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Scopes what a caller sees by department: a handler (or a departmental system's service account)
 * sees only the cases of the department in its token's "department" claim; the other roles that
 * may read cases see all of them.
 */
@RequestScoped
public class DepartmentScope {

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public DepartmentScope(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    public boolean canSee(String departmentCode) {
        boolean handlerOnly = !identity.getRoles().isEmpty() && identity.getRoles().stream().allMatch(Roles.HANDLER::equals);
        if (!handlerOnly) {
            return true;
        }
        String department = token.getClaim("department");
        return department != null && department.equals(departmentCode);
    }
}
